import { hasWord, LEXICON } from './lexicon.js';
import {
  NAME_PARTICLES, NAMING_WORDS, PLACE_PREPOSITIONS, PLACE_WORDS, POSSESSIVES, RELATION_WORDS, TITLES, VERB_AFTER_NAME,
  WEAK_CUES, WEAK_TITLES,
} from './person-cues.js';
import { finding, type PiiFinding } from './pii-finding.js';
import { Words, type WordInfo } from './person-words.js';
import { tokenize } from './tokens.js';

/** Whether a place or organisation word stands just before word i ("rue Victor Hugo", "à Nancy"). */
function inPlaceName(w: Words, i: number, info: WordInfo): boolean {
  let j = i - 1;
  while (j >= 0 && j > i - 5 && w.joined(j + 1) && (NAME_PARTICLES.has(w.lower(j)) || w.capital(j))) {
    const lower = w.lower(j);
    if (PLACE_WORDS.has(lower) || hasWord(LEXICON.wayTypes, lower)) return true;
    j--;
  }
  if (j < 0 || !w.near(j + 1)) return false;
  const before = w.lower(j);
  if (PLACE_WORDS.has(before) || hasWord(LEXICON.wayTypes, before)) return true;
  if (PLACE_PREPOSITIONS.has(before) && j === i - 1 && hasWord(LEXICON.communes, info.lower)) return true;
  return false;
}

/** Confidence that word i starts (or is) a person's name on its own evidence, 0 when it is not. */
function nameScore(w: Words, i: number): number {
  const info = w.info(i);
  if (info.stop || info.lower.length < 2) return 0;
  const score = lexicalScore(w, i, info);
  return score > 0 && info.capital && inPlaceName(w, i, info) ? 0 : score;
}

/** {@link nameScore} before the place check. */
function lexicalScore(w: Words, i: number, info: WordInfo): number {
  const prev = w.near(i) ? w.lower(i - 1) : '';
  const naming = NAMING_WORDS.has(prev) && (prev !== 'certain' && prev !== 'certaine' || /^une?$/.test(w.lower(i - 2)));
  const reflexive = naming && (w.elided(i - 1) || !prev.startsWith('appel'));
  if (naming && (info.capital || info.first || info.surname || (reflexive && !info.ambiguous))) return 0.9;
  if (RELATION_WORDS.has(prev)) {
    const possessive = POSSESSIVES.has(w.lower(i - 2));
    const lexical = (info.first || info.surname) && (info.capital || !info.ambiguous || possessive);
    if (lexical || (info.capital && !info.allCaps && possessive)) return 0.85;
  }
  const weakCue = WEAK_CUES.has(prev);
  if (info.first && !info.ambiguous) {
    if (info.allCaps) return w.joined(i + 1) && i + 1 < w.t.count && w.info(i + 1).capital ? 0.8 : 0;
    if (info.capital) return 0.85;
    return info.lower.length >= 3 ? 0.7 : 0;
  }
  const next = i + 1 < w.t.count && w.near(i + 1) ? w.info(i + 1) : undefined;
  const nextIsName = next !== undefined && w.joined(i + 1) && next.capital && !next.stop;
  if (info.first) {
    if (!info.capital) return weakCue && info.lower.length >= 3 ? 0.6 : 0;
    if (!w.sentenceStart(i) || weakCue) return 0.75;
    const verb = next !== undefined && (VERB_AFTER_NAME.has(next.lower) || w.elided(i + 1));
    return nextIsName || verb ? 0.7 : 0;
  }
  if (info.surname && info.capital && !hasWord(LEXICON.communes, info.lower)) {
    if (info.ambiguous && !weakCue && !info.allCaps) return 0;
    return w.sentenceStart(i) && !nextIsName && !info.allCaps ? 0 : 0.65;
  }
  return 0;
}

/** Whether word j continues a name ("Kevin Lemoine", "jean-pierre da silva"). */
function continuesName(w: Words, j: number): boolean {
  if (j >= w.t.count || !w.joined(j)) return false;
  const info = w.info(j);
  if (info.stop && !NAME_PARTICLES.has(info.lower)) return false;
  if (info.capital) return !TITLES.has(info.lower) && !PLACE_WORDS.has(info.lower);
  return (info.surname || (info.first && !info.ambiguous)) && info.lower.length >= 3;
}

/**
 * Finds person names: titles with a name ("Mme Dupont", 0.9), names after a naming phrase or a
 * relation ("s'appelle Lola", "ma voisine Nathalie", 0.85-0.9), first names of the lexicon (0.7-0.85,
 * lower case too), surnames of the lexicon in mid-sentence (0.65), each widened to the whole name
 * ("Jean-Pierre Da Silva"). Street and city names, organisations and sentence-initial ordinary
 * words are left out.
 */
export function findPersons(text: string, out: PiiFinding[]): void {
  const t = tokenize(text);
  const w = new Words(text, t);
  for (let i = 0; i < t.count; i++) {
    if (!w.candidate(i)) continue;
    const lower = w.lower(i);
    let startWord = i;
    let nameStart = i;
    let score = 0;
    if (TITLES.has(lower) && (lower !== 'm' || text[t.ends[i] ?? 0] === '.')) {
      const j = i + 1;
      const gap = j < t.count ? text.slice(t.ends[i], t.prefixStarts[j]) : '';
      const next = /^\.?[^\S\n]{1,2}$/.test(gap) ? w.info(j) : undefined;
      const weak = WEAK_TITLES.has(lower) && lower !== 'm';
      if (next !== undefined && !next.stop && (next.capital || (!weak && (next.first || next.surname)))) {
        score = 0.9;
        nameStart = j;
      } else if (next !== undefined && NAME_PARTICLES.has(next.lower) && next.capital && j + 1 < t.count && w.info(j + 1).capital) {
        score = 0.9;
        nameStart = j;
      }
    } else {
      score = nameScore(w, i);
    }
    if (score === 0) continue;
    // Widen backwards over a surname in capitals ("DUPONT Kevin") or a particle ("Da Silva").
    if (startWord === nameStart) {
      for (let p = startWord - 1; p >= 0 && p >= nameStart - 3 && w.joined(p + 1); p--) {
        const before = w.info(p);
        const particle = NAME_PARTICLES.has(before.lower) && before.capital;
        if (!particle && !(before.allCaps && before.lower.length > 1 && !before.stop)) break;
        startWord = p;
      }
      while (startWord < nameStart && NAME_PARTICLES.has(w.lower(startWord)) && !w.info(startWord).allCaps) startWord++;
    }
    // Widen forwards over the rest of the name.
    let last = nameStart;
    for (let k = 0; k < 4; k++) {
      const j = last + 1;
      if (continuesName(w, j) && !NAME_PARTICLES.has(w.lower(j))) {
        last = j;
      } else if (j < t.count && NAME_PARTICLES.has(w.lower(j)) && w.joined(j) && j + 1 < t.count && w.joined(j + 1) && !w.info(j + 1).stop && (w.info(j + 1).capital || w.info(j + 1).surname)) {
        last = j + 1;
      } else {
        break;
      }
    }
    const start = t.starts[startWord] ?? 0;
    const end = t.ends[last] ?? 0;
    const words = last - startWord + 1;
    const confidence = Math.min(0.97, score + (words >= 2 && nameStart === startWord ? 0.1 : 0));
    out.push(finding('PERSON', text, start, end, confidence));
    i = last;
  }
}

import { hasWord, LEXICON } from './lexicon.js';
import { FUNCTION_WORDS } from './function-words.js';
import {
  ABBREVIATED_TITLES,
  CAPITALISED_ONLY_TITLES,
  CAUSATIVES,
  CLITICS,
  DETERMINERS,
  ENGLISH_WEAK_CUES,
  FAMILY_RELATION_WORDS,
  HOLIDAY_CUES,
  HOLIDAYS,
  INFINITIVE_CUES,
  NAME_NOUNS,
  NAME_PARTICLES,
  NAMING_ADVERBS,
  NAMING_WORDS,
  ORGANISATION_NAMES,
  PLACE_WORDS,
  POSSESSIVES,
  REFLEXIVE_ONLY_NAMING,
  RELATION_WORDS,
  SELF_INTRODUCTIONS,
  THING_NOUNS,
  TITLES,
  VERB_AFTER_NAME,
  WEAK_CUES,
  WEAK_TITLES,
} from './person-cues.js';
import { foreignParticleName, nameEnd, nameInCompound, particleSurname } from './person-extent.js';
import { famousEponym, inPlaceName, placeNounAfter } from './person-place.js';
import { finding, type PiiFinding } from './pii-finding.js';
import { Words, type WordInfo } from './person-words.js';
import { tokenize } from './tokens.js';

/** Confidence that word i starts (or is) a person's name on its own evidence, 0 when it is not. */
function nameScore(w: Words, i: number): number {
  const info = w.info(i);
  if (info.lower.length < 2) return 0;
  if (info.stop) return info.capital && !FUNCTION_WORDS.has(info.lower) && nicknameAfterNaming(w, i) ? 0.85 : 0;
  const score = lexicalScore(w, i, info);
  return score > 0 && inPlaceName(w, i, info) ? 0 : score;
}

/** The elided article or pronoun of word i, lower case ("s'", "l'"), or "". */
const elision = (w: Words, i: number): string => w.text.slice(w.t.prefixStarts[i], w.t.starts[i]).toLowerCase();

/**
 * How strongly word `cue` (the word before a candidate) introduces a name: 2 for a naming verb
 * after which any word is a name ("s'appelle momo", "surnommé bouboule"), 1 for one after which
 * only a capitalised or lexicon word is ("un mec appelé Kevin"), 0 for none.
 */
function namingStrength(w: Words, cue: number): 0 | 1 | 2 {
  const word = w.lower(cue);
  if (!NAMING_WORDS.has(word)) return 0;
  // "le groupe s'appelle …", "mon compte insta s'appelait …": the name of a thing.
  const subject = w.lower(cue - 1);
  if (THING_NOUNS.has(subject) || (THING_NOUNS.has(w.lower(cue - 2)) && !FUNCTION_WORDS.has(subject))) return 0;
  if (word === 'certain' || word === 'certaine') return /^une?$/.test(w.lower(cue - 1)) ? 1 : 0;
  if (REFLEXIVE_ONLY_NAMING.has(word)) {
    return /^[mst]['’]$/.test(elision(w, cue)) || CAUSATIVES.has(w.lower(cue - 1)) ? 2 : 0;
  }
  return w.elided(cue) || !word.startsWith('appel') ? 2 : 1;
}

/**
 * Whether the capitalised word i is a nickname right after a strong naming verb, or after one and
 * an article: "il se fait appeler Boss", "surnommé le Roi".
 */
function nicknameAfterNaming(w: Words, i: number): boolean {
  if (!w.near(i)) return false;
  const prev = w.lower(i - 1);
  if (prev === 'le' || prev === 'la') return w.near(i - 1) && namingStrength(w, i - 2) === 2;
  return namingStrength(w, i - 1) === 2;
}

/** How strongly the words before word i introduce a name, an adverb in between ("qu'on appelle tous Tonton") counting as strong. */
function namingBefore(w: Words, i: number, prev: string): 0 | 1 | 2 {
  if (prev === '') return 0;
  if (NAMING_ADVERBS.has(prev)) return w.near(i - 1) && namingStrength(w, i - 2) > 0 ? 2 : 0;
  return namingStrength(w, i - 1);
}

/**
 * Whether word i follows a relation word and "de" ("la copine de Cam", "le frère d'Inès") or a
 * plural one and "les" ("nos voisins les Lefort"): a capitalised word there is a name.
 */
function afterRelationOf(w: Words, i: number, prev: string): boolean {
  if (elision(w, i).startsWith('d')) return RELATION_WORDS.has(prev);
  if (!w.joined(i - 1)) return false;
  if (prev === 'de' || prev === 'du') return RELATION_WORDS.has(w.lower(i - 2));
  return prev === 'les' && FAMILY_RELATION_WORDS.has(w.lower(i - 2));
}

/** Whether word i is the value of a name field: "Prénom : Kevin", "mon nom c'est Pereira", "his name is Tom". */
function afterNameNoun(w: Words, i: number, info: WordInfo, prev: string): boolean {
  const gap = w.text.slice(w.t.ends[i - 1], w.t.prefixStarts[i]);
  if (gap.length <= 4 && /[:=]/.test(gap)) {
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      if (NAME_NOUNS.has(w.lower(k))) return true;
      if (k < i - 1 && !w.near(k + 1)) break;
    }
    return false;
  }
  if (prev !== 'est' && prev !== 'cest' && prev !== 'is' && prev !== 'was') return false;
  const lexical = info.capital || info.first || info.surname;
  return (
    lexical && w.near(i - 1) && (NAME_NOUNS.has(w.lower(i - 2)) || (w.near(i - 2) && NAME_NOUNS.has(w.lower(i - 3))))
  );
}

/** {@link nameScore} before the place check. */
function lexicalScore(w: Words, i: number, info: WordInfo): number {
  const prev = w.near(i) ? w.lower(i - 1) : '';
  const naming = namingBefore(w, i, prev);
  if (naming > 0 && (info.capital || info.first || info.surname || (naming === 2 && !info.ambiguous))) return 0.9;
  // A nickname with its article: "qu'on appelle le Grand Paulo", "surnommé la Fouine".
  if ((prev === 'le' || prev === 'la') && info.capital && w.near(i - 1) && namingStrength(w, i - 2) > 0) return 0.85;
  if (prev !== '' && afterNameNoun(w, i, info, prev)) return 0.85;
  if (SELF_INTRODUCTIONS.has(prev) && info.capital && !info.allCaps) return 0.75;
  if (RELATION_WORDS.has(prev)) {
    const possessive = POSSESSIVES.has(w.lower(i - 2));
    const lexical = (info.first || info.surname) && (info.capital || !info.ambiguous || possessive);
    if (lexical || (info.capital && !info.allCaps && possessive)) return 0.85;
  }
  if (
    prev !== '' &&
    info.capital &&
    !info.allCaps &&
    afterRelationOf(w, i, prev) &&
    !hasWord(LEXICON.communes, info.lower)
  )
    return 0.8;
  // A lower-case word after a pronoun is a verb ("je me tais", "il porte"), after a determiner or
  // a possessive a noun ("le kiné", "mon daron", "au max").
  if (!info.capital && (CLITICS.has(prev) || /^[jmtsn]['’]$/.test(elision(w, i)))) return 0;
  if (!info.capital && (DETERMINERS.has(prev) || POSSESSIVES.has(prev) || /^l['’]$/.test(elision(w, i)))) return 0;
  if (ORGANISATION_NAMES.has(info.lower)) return 0;
  if (HOLIDAYS.has(info.lower) && HOLIDAY_CUES.has(prev)) return 0;
  const weakCue = WEAK_CUES.has(prev);
  if (info.first && !info.ambiguous) {
    if (info.allCaps) return w.joined(i + 1) && i + 1 < w.t.count && w.info(i + 1).capital ? 0.8 : 0;
    if (info.capital) return 0.85;
    return info.lower.length >= 3 ? 0.7 : 0;
  }
  const next = i + 1 < w.t.count && w.near(i + 1) ? w.info(i + 1) : undefined;
  const nextIsName = next !== undefined && w.joined(i + 1) && next.capital && !next.stop;
  if (info.first) {
    if (!info.capital) {
      // "and said", "pour porter plainte": an English word or a French infinitive, not a name.
      if (ENGLISH_WEAK_CUES.has(prev) || (INFINITIVE_CUES.has(prev) && /(?:[^i]er|ir)$/.test(info.lower))) return 0;
      return weakCue && info.lower.length >= 3 ? 0.6 : 0;
    }
    if (!w.sentenceStart(i) || weakCue) return 0.75;
    const verb = next !== undefined && (VERB_AFTER_NAME.has(next.lower) || w.elided(i + 1));
    return nextIsName || verb ? 0.7 : 0;
  }
  if (info.surname && info.capital && !hasWord(LEXICON.communes, info.lower)) {
    if (info.ambiguous && !weakCue && !info.allCaps) return 0;
    if (info.allCaps && info.lower.length <= 3 && !nextIsName) return 0; // an acronym ("d'ITT")
    return w.sentenceStart(i) && !nextIsName && !info.allCaps ? 0 : 0.65;
  }
  return 0;
}

/**
 * Where the name announced by a title at word i starts (the word after it), or -1: "Mme Dupont",
 * "M. fontaine", "docteur Martin". A dot after a title that is not an abbreviation ends a sentence
 * ("…at me. My name"), and "me" is a title only capitalised ("Me Durand").
 */
function titledName(w: Words, i: number, lower: string): number {
  const text = w.text;
  const t = w.t;
  if (lower === 'm' && text[t.ends[i] ?? 0] !== '.') return -1;
  if (CAPITALISED_ONLY_TITLES.has(lower) && !w.capital(i)) return -1;
  const j = i + 1;
  if (j >= t.count) return -1;
  const gap = text.slice(t.ends[i], t.prefixStarts[j]);
  if (!/^\.?[^\S\n]{1,2}$/.test(gap) || (gap.startsWith('.') && !ABBREVIATED_TITLES.has(lower))) return -1;
  const next = w.info(j);
  const weak = WEAK_TITLES.has(lower) && lower !== 'm';
  if (
    !next.stop &&
    (next.capital ||
      (!weak && (next.first || next.surname || (ABBREVIATED_TITLES.has(lower) && next.lower.length > 2))))
  )
    return j;
  // "Mme Da Silva", and in lower case "mme da silva", "m. van damme".
  if (NAME_PARTICLES.has(next.lower) && (next.capital || !weak) && particleSurname(w, j)) return j;
  return -1;
}

/** Whether word i is an initial before a capitalised name: "F. Hamon", "J. Martin". */
function initialBeforeName(w: Words, i: number): boolean {
  const t = w.t;
  const start = t.starts[i] ?? 0;
  if ((t.ends[i] ?? 0) - start !== 1 || !w.capital(i) || i + 1 >= t.count) return false;
  if (!/^\.[^\S\n]{1,2}$/.test(w.text.slice(t.ends[i], t.prefixStarts[i + 1]))) return false;
  const next = w.info(i + 1);
  return (
    next.capital &&
    !next.stop &&
    !next.allCaps &&
    next.lower.length > 1 &&
    !PLACE_WORDS.has(next.lower) &&
    !TITLES.has(next.lower)
  );
}

/**
 * Whether word i follows the person found last, in a list ("zoé, maya et moi", "Tom and Jake"), or
 * as an alias of a name given by a naming verb ("il s'appelle dimitri ou dimi").
 */
function listedAfter(w: Words, i: number, lastEnd: number, lastNamed: boolean): boolean {
  if (lastEnd < 0) return false;
  const info = w.info(i);
  const link = w.lower(i - 1);
  const linked = lastEnd === i - 2 && w.joined(i - 1) && w.joined(i);
  if (linked && lastNamed && link === 'ou' && !info.stop && !info.ambiguous && info.lower.length >= 2) return true;
  if (!info.first) return false;
  if (lastEnd === i - 1) return /^,[^\S\n]{1,2}$/.test(w.text.slice(w.t.ends[i - 1], w.t.prefixStarts[i]));
  return linked && (link === 'et' || link === 'and' || link === 'ou');
}

/** Whether a name-like word of the lexicons stands inside a compound ("anti-Noah"): capitalised, or an unambiguous first name. */
function compoundPartIsName(part: string, capital: boolean): boolean {
  if (hasWord(LEXICON.stopwords, part)) return false;
  if (hasWord(LEXICON.firstNames, part)) return capital || !hasWord(LEXICON.ambiguous, part);
  return capital && hasWord(LEXICON.surnames, part) && !hasWord(LEXICON.ambiguous, part);
}

/** Whether a cue before word i says it is a person: a naming verb, a relation, a self-introduction. */
function cuedName(w: Words, i: number): boolean {
  const prev = w.lower(i - 1);
  return (
    namingBefore(w, i, prev) > 0 ||
    RELATION_WORDS.has(prev) ||
    SELF_INTRODUCTIONS.has(prev) ||
    NAME_NOUNS.has(w.lower(i - 2))
  );
}

/**
 * Finds person names: titles with a name ("Mme Dupont", 0.9), names after a naming phrase or a
 * relation ("s'appelle Lola", "ma voisine Nathalie", 0.85-0.9), first names of the lexicon (0.7-0.85,
 * lower case too), surnames of the lexicon in mid-sentence (0.65), two-word surnames ("le gall"),
 * names inside a compound ("anti-Noah"), each widened to the whole name ("Jean-Pierre Da Silva",
 * "Sébastien G."). Street, station and city names (also the famous people streets are named
 * after, without a cue), organisations and sentence-initial ordinary words are left out.
 */
export function findPersons(text: string, out: PiiFinding[]): void {
  const t = tokenize(text);
  const w = new Words(text, t);
  let lastEnd = -1; // last word of the person found last
  let lastNamed = false; // whether that person was given by a naming verb
  for (let i = 0; i < t.count; i++) {
    const alias = lastNamed && lastEnd === i - 2 && w.lower(i - 1) === 'ou';
    if (!w.candidate(i) && !alias) continue;
    const lower = w.lower(i);
    if (lower.includes('-')) {
      const partStart = nameInCompound(w, i, compoundPartIsName);
      if (partStart >= 0) {
        out.push(finding('PERSON', text, partStart, t.ends[i] ?? 0, 0.75));
        lastEnd = i;
        lastNamed = false;
        continue;
      }
    }
    let startWord = i;
    let nameStart = i;
    let score = 0;
    let titled = false;
    if (TITLES.has(lower)) {
      const j = titledName(w, i, lower);
      if (j > 0) {
        score = 0.9;
        nameStart = j;
        titled = true;
        // "ma sœur Inès": a relation, not a title; the name alone is the finding.
        if (RELATION_WORDS.has(lower) && POSSESSIVES.has(w.lower(i - 1))) startWord = j;
      }
    } else if (initialBeforeName(w, i)) {
      score = 0.75;
      nameStart = i + 1;
      titled = true;
    } else if (NAME_PARTICLES.has(lower) && (w.pairSurname(i) || foreignParticleName(w, i))) {
      score = inPlaceName(w, i, w.info(i)) ? 0 : 0.75; // "le gall m'a frappé", not "rue Le Gall"
    } else {
      score = nameScore(w, i);
      if (score === 0 && !w.info(i).stop && listedAfter(w, i, lastEnd, lastNamed)) score = alias ? 0.85 : 0.7;
    }
    if (score === 0) continue;
    // Widen backwards over a surname in capitals ("DUPONT Kevin"), a particle ("Da Silva"), or the
    // article of a nickname ("se fait appeler le Roi").
    if (startWord === nameStart && !titled) {
      const prev = w.lower(i - 1);
      if ((prev === 'le' || prev === 'la') && w.capital(i) && w.joined(i) && namingStrength(w, i - 2) > 0) {
        startWord = i - 1;
      } else {
        for (let p = startWord - 1; p >= 0 && p >= nameStart - 3 && w.joined(p + 1); p--) {
          const before = w.info(p);
          const particle = NAME_PARTICLES.has(before.lower) && before.capital;
          if (!particle && !(before.allCaps && before.lower.length > 1 && !before.stop)) break;
          startWord = p;
        }
        while (startWord < nameStart && NAME_PARTICLES.has(w.lower(startWord)) && !w.info(startWord).allCaps)
          startWord++;
      }
    }
    const last = nameEnd(w, nameStart);
    if (
      !titled &&
      (placeNounAfter(w, last) || (last > nameStart && famousEponym(w, nameStart, last) && !cuedName(w, nameStart)))
    ) {
      i = last; // "the Jean Jaurès primary school", "Saint-Roch station", "jusqu'à Jean Macé"
      continue;
    }
    const start = t.starts[startWord] ?? 0;
    const end = t.ends[last] ?? 0;
    const words = last - startWord + 1;
    const confidence = Math.min(0.97, score + (words >= 2 && nameStart === startWord ? 0.1 : 0));
    out.push(finding('PERSON', text, start, end, confidence));
    lastNamed = !titled && cuedName(w, nameStart) && namingBefore(w, nameStart, w.lower(nameStart - 1)) > 0;
    lastEnd = last;
    i = last;
  }
}

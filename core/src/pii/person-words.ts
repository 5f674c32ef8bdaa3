import { hashSet, hasWord, LEXICON, wordHash } from './lexicon.js';
import {
  FAMILY_RELATION_WORDS,
  FOREIGN_PARTICLES,
  NAME_PARTICLES,
  NAMING_ADVERBS,
  NAMING_WORDS,
  RELATION_WORDS,
  SELF_INTRODUCTIONS,
  TITLES,
} from './person-cues.js';
import { blankGap, opensSentence, type Tokens } from './tokens.js';

/** What the lexicons and the spelling say about one word (lower-case form and flags). */
export interface WordInfo {
  lower: string;
  capital: boolean;
  allCaps: boolean;
  first: boolean;
  surname: boolean;
  ambiguous: boolean;
  stop: boolean;
}

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();

/** Hashes of the lower-case words that may start a name: lexicon names, titles, particles that are no French word. */
const NAME_START_HASHES = hashSet(LEXICON.firstNames, LEXICON.surnames, TITLES, FOREIGN_PARTICLES);
/** Hashes of the naming verbs, after which any word may be a name ("s'appelle lolo"). */
const NAMING_HASHES = hashSet(NAMING_WORDS);
/** Hashes of the words after which a capitalised unknown word may be a name. */
const CUE_HASHES = hashSet(NAMING_WORDS, RELATION_WORDS);
/** Hashes of "est", "is"…: a capitalised unknown word after them may be a name field's value. */
const CAPITAL_AFTER_HASHES = hashSet(['est', 'cest', 'is', 'was'], SELF_INTRODUCTIONS);
/** Hashes of the adverbs that may stand between a naming verb and a name ("qu'on appelle tous …"). */
const ADVERB_HASHES = hashSet(NAMING_ADVERBS);
/** Hashes of the relation words, and of the plural ones that may name a family ("nos voisins les …"). */
const RELATION_HASHES = hashSet(RELATION_WORDS);
const FAMILY_HASHES = hashSet(FAMILY_RELATION_WORDS);
const DE_HASH = wordHash('de', 0, 2);
const LES_HASH = wordHash('les', 0, 3);

/** Surnames of two words whose first is a particle ("le gall", "ben salah"), split for a cheap first test. */
const PAIR_SURNAMES = [...LEXICON.surnames].filter((n) => {
  const space = n.indexOf(' ');
  return space > 0 && space === n.lastIndexOf(' ') && NAME_PARTICLES.has(n.slice(0, space));
});
const PAIR_HEAD_HASHES = hashSet(PAIR_SURNAMES.map((n) => n.slice(0, n.indexOf(' '))));
const PAIR_TAIL_HASHES = hashSet(PAIR_SURNAMES.map((n) => n.slice(n.indexOf(' ') + 1)));

/**
 * The words of a text with what the lexicons say about them, read lazily
 * (most words are only hashed, never analysed). Used by the person scanner.
 */
export class Words {
  private readonly infos: (WordInfo | undefined)[] = [];
  private readonly lowers: (string | undefined)[] = [];
  constructor(
    readonly text: string,
    readonly t: Tokens,
  ) {}

  info(i: number): WordInfo {
    const cached = this.infos[i];
    if (cached !== undefined) return cached;
    const word = this.text.slice(this.t.starts[i], this.t.ends[i]);
    const lower = this.lower(i);
    const capital = isUpper(word[0] ?? '');
    const allCaps = capital && word.length > 1 && word === word.toUpperCase();
    let first = hasWord(LEXICON.firstNames, lower);
    if (!first && lower.includes('-')) {
      const parts = lower.split('-');
      first = parts.length <= 3 && parts.every((p) => p.length > 1 && hasWord(LEXICON.firstNames, p));
      // A first name and a short diminutive: "jean-mi", "marie-jo", "anne-so".
      const [head = '', tail = ''] = parts;
      first ||=
        parts.length === 2 &&
        head.length >= 3 &&
        hasWord(LEXICON.firstNames, head) &&
        /^\p{L}{2,3}$/u.test(tail) &&
        !hasWord(LEXICON.stopwords, tail);
    }
    const info: WordInfo = {
      lower,
      capital,
      allCaps,
      first,
      surname: hasWord(LEXICON.surnames, lower),
      ambiguous: hasWord(LEXICON.ambiguous, lower),
      stop: hasWord(LEXICON.stopwords, lower),
    };
    this.infos[i] = info;
    return info;
  }

  /**
   * Whether word i can start a name at all, decided cheaply: a capital, a word of the name
   * lexicons as typed, a title, or a word right after a naming verb ("s'appelle lolo").
   */
  candidate(i: number): boolean {
    const t = this.t;
    const start = t.starts[i] ?? 0;
    const end = t.ends[i] ?? 0;
    const code = this.text.charCodeAt(start);
    const before = this.text.charCodeAt(start - 1);
    if (before >= 48 && before <= 57) return false; // glued to a number: "4eB", "3eme"
    const hash = wordHash(this.text, start, end);
    if (NAME_START_HASHES.has(hash)) return true;
    if (PAIR_HEAD_HASHES.has(hash) && this.pairSurname(i)) return true;
    if (end - start === 1 && code >= 65 && code <= 90 && this.text.charCodeAt(end) === 46) return true; // an initial: "F. Hamon"
    // The value of a field: "Prénom : Abdelkrim".
    for (let k = t.prefixStarts[i] ?? 0, stop = Math.max(i > 0 ? (t.ends[i - 1] ?? 0) : 0, start - 4); k > stop; k--) {
      const c = this.text.charCodeAt(k - 1);
      if (c === 58 || c === 61) return true;
      if (c !== 32 && c !== 0xa0 && c !== 0x202f) break;
    }
    for (let k = (t.starts[i] ?? 0) + 1; k < (t.ends[i] ?? 0); k++) {
      if (this.text.charCodeAt(k) === 45) return true; // a compound, maybe "jean-pierre"
    }
    if (i === 0) return false;
    const cue = wordHash(this.text, t.starts[i - 1] ?? 0, t.ends[i - 1] ?? 0);
    const capital =
      (code >= 65 && code <= 90) || (code >= 0xc0 && code < 0xdf) || (code >= 0xdf && isUpper(this.text[start] ?? ''));
    // An unknown word is a name only right after a naming verb or, capitalised, a relation word,
    // a naming verb and an article ("surnommé le Boucher") or a name field ("son nom c'est Dupont").
    if (i > 1 && (capital || ADVERB_HASHES.has(cue))) {
      const cue2 = wordHash(this.text, t.starts[i - 2] ?? 0, t.ends[i - 2] ?? 0);
      if (capital && (CAPITAL_AFTER_HASHES.has(cue) || NAMING_HASHES.has(cue2))) return true;
      // "qu'on appelle tous tonton", "la copine de Cam", "nos voisins les Lefort".
      if (ADVERB_HASHES.has(cue) && NAMING_HASHES.has(cue2)) return true;
      if (capital && ((cue === DE_HASH && RELATION_HASHES.has(cue2)) || (cue === LES_HASH && FAMILY_HASHES.has(cue2))))
        return true;
    }
    return capital ? CUE_HASHES.has(cue) : NAMING_HASHES.has(cue);
  }

  /**
   * Whether words i and i+1 are a particle and a name that the surname lexicon holds as one, not an
   * ordinary word after an article ("le gall", "da silva", "ben salah"; "La Fontaine" only
   * capitalised in mid-sentence, never "la fontaine").
   */
  pairSurname(i: number): boolean {
    const t = this.t;
    if (i + 1 >= t.count || !this.joined(i + 1)) return false;
    if (!PAIR_TAIL_HASHES.has(wordHash(this.text, t.starts[i + 1] ?? 0, t.ends[i + 1] ?? 0))) return false;
    const pair = `${this.lower(i)} ${this.lower(i + 1)}`;
    if (!hasWord(LEXICON.surnames, pair)) return false;
    return !hasWord(LEXICON.ambiguous, pair) || (this.capital(i) && this.capital(i + 1) && !this.sentenceStart(i));
  }

  /** Whether word i starts with a capital letter (no lexicon lookup). */
  capital(i: number): boolean {
    const ch = this.text[this.t.starts[i] ?? 0] ?? '';
    return ch !== ch.toLowerCase();
  }

  lower(i: number): string {
    if (i < 0 || i >= this.t.count) return '';
    let lower = this.lowers[i];
    if (lower === undefined) {
      lower = this.text.slice(this.t.starts[i], this.t.ends[i]).toLowerCase();
      this.lowers[i] = lower;
    }
    return lower;
  }

  /** Whether words i-1 and i are separated by blanks only (same phrase, no punctuation). */
  joined(i: number): boolean {
    return i > 0 && i < this.t.count && blankGap(this.text, this.t.ends[i - 1] ?? 0, this.t.prefixStarts[i] ?? 0);
  }

  /** Whether words i-1 and i are separated by blanks or light punctuation within a sentence. */
  near(i: number): boolean {
    if (i <= 0 || i >= this.t.count) return false;
    const from = this.t.ends[i - 1] ?? 0;
    const to = this.t.prefixStarts[i] ?? 0;
    if (to - from > 4) return false;
    for (let k = from; k < to; k++) {
      const c = this.text.charCodeAt(k);
      // . ! ? line break … ; ( )
      if (c === 46 || c === 33 || c === 63 || c === 10 || c === 0x2026 || c === 59 || c === 40 || c === 41)
        return false;
    }
    return true;
  }

  elided(i: number): boolean {
    return (this.t.prefixStarts[i] ?? 0) !== (this.t.starts[i] ?? 0);
  }

  sentenceStart(i: number): boolean {
    return opensSentence(this.text, this.t.prefixStarts[i] ?? 0);
  }
}

/**
 * The words of a text as parallel arrays (no object per word, so that megabytes of text tokenise
 * without pressure on the garbage collector). Offsets are UTF-16 offsets into the text.
 */
export interface Tokens {
  /** Number of words. */
  count: number;
  /** Offset of each word (after an elided article or pronoun such as `l'` or `qu'`). */
  starts: Int32Array;
  /** Offset just after each word. */
  ends: Int32Array;
  /** Offset of the elided prefix (`d'` in `d'Ahmed`), or the word's start when there is none. */
  prefixStarts: Int32Array;
}

/**
 * Whether the code unit can be part of a word: ASCII letters and the letters of the Latin, Greek,
 * Cyrillic, Arabic… blocks (approximated by code >= 0xC0, without the two mathematical signs, the
 * punctuation and symbol blocks and the surrogates of emoji).
 */
function isLetterCode(code: number): boolean {
  if (code < 0xc0) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code === 0xd7 || code === 0xf7) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false;
  return code < 0xd800 || (code > 0xdfff && code < 0xfe00);
}

const APOSTROPHE = 39;
const CURLY_APOSTROPHE = 0x2019;
const HYPHEN = 45;
const ELISIONS = new Set(['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'presqu']);

/**
 * Splits a text into words: runs of letters, with inner apostrophes and hyphens. An elided article
 * or pronoun (`l'`, `d'`, `qu'`) is kept apart in `prefixStarts`, except before a capital after
 * N or O ("N'Diaye", "O'Brien"). A hand-written scanner: no regex, no allocation per character.
 */
export function tokenize(text: string): Tokens {
  const n = text.length;
  let capacity = Math.max(16, n >> 2);
  let starts: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let ends: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let prefixStarts: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let count = 0;
  let i = 0;
  while (i < n) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const prefixStart = i;
    let start = i;
    let elisionChecked = false;
    i++;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (isLetterCode(code) || (code >= 0x300 && code <= 0x36f)) {
        i++;
      } else if (
        (code === APOSTROPHE || code === CURLY_APOSTROPHE || code === HYPHEN) &&
        i + 1 < n &&
        isLetterCode(text.charCodeAt(i + 1))
      ) {
        if (code !== HYPHEN && !elisionChecked && i - start <= 7) {
          elisionChecked = true;
          const head = text.slice(start, i).toLowerCase();
          const upperAfter = text[i + 1] !== text[i + 1]?.toLowerCase();
          const nameLike = (head === 'n' || head === 'o') && text[start] !== head && upperAfter;
          if (ELISIONS.has(head) && !nameLike) start = i + 1;
        }
        i++;
      } else {
        break;
      }
    }
    if (count === capacity) {
      capacity *= 2;
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(capacity);
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
      prefixStarts = grow(prefixStarts);
    }
    starts[count] = start;
    ends[count] = i;
    prefixStarts[count] = prefixStart;
    count++;
  }
  return { count, starts, ends, prefixStarts };
}

/**
 * Whether the word starting at `start` opens a sentence: only blanks, quotes, dashes or brackets
 * separate it from the start of the text or from `.`, `!`, `?`, `…`, `:` or a line break.
 */
export function opensSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    // blank, quotes, dashes, brackets, bullets, emphasis marks
    if (
      ch === 32 ||
      ch === 9 ||
      ch === 0xa0 ||
      ch === 0x202f ||
      ch === 34 ||
      ch === 39 ||
      ch === 40 ||
      ch === 42 ||
      ch === 45 ||
      ch === 0xab ||
      ch === 0xbb ||
      ch === 0x201c ||
      ch === 0x201d ||
      ch === 0x2018 ||
      ch === 0x2019 ||
      ch === 0x2013 ||
      ch === 0x2014 ||
      ch === 0x2022 ||
      ch === 95 ||
      ch === 91
    ) {
      continue;
    }
    return ch === 46 || ch === 33 || ch === 63 || ch === 0x2026 || ch === 58 || ch === 10 || ch === 13;
  }
  return true;
}

/** Whether only blanks (no line break, at most `max` characters) separate two offsets. */
export function blankGap(text: string, from: number, to: number, max = 3): boolean {
  if (to - from > max || to < from) return false;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 32 && ch !== 0xa0 && ch !== 0x202f && ch !== 9) return false;
  }
  return true;
}

import { finding, type PiiFinding } from './pii-finding.js';

// SIV plates (since 2009): two letters, three digits, two letters; I, O and U are never used.
const L = '[A-HJ-NP-TV-Z]';
const l = '[a-hj-np-tv-z]';
const SIV_UPPER = new RegExp(`(?<![A-Za-z0-9-])${L}{2}[- \\u00a0]?\\d{3}[- \\u00a0]?${L}{2}(?![A-Za-z0-9])`, 'g');
// Typed in lower case, a plate is only trusted with dashes or with no separator at all.
const SIV_LOWER = new RegExp(`(?<![A-Za-z0-9-])${l}{2}(?:-\\d{3}-|\\d{3})${l}{2}(?![A-Za-z0-9])`, 'g');
// FNI plates (before 2009): 1-4 digits, 1-3 letters, the department (2 digits, 2A/2B, 971-976).
const FNI =
  /(?<![A-Za-z0-9-])\d{1,4}(?:([- \u00a0])[A-Z]{2,3}\1|[A-Z]{2,3})(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])(?![A-Za-z0-9])/g;

// After a plate cue, a plate typed in lower case is trusted in any writing: FNI ("plaque 7219 vq 30")
// and SIV with blanks ("plaque gz 418 hb").
const CUE = '(?:plaque|immatricul[ée]+e?|immat|plate|registration)[^\\n]{0,25}?(?<![A-Za-z0-9-])';
const CUED_FNI = new RegExp(
  `${CUE}(\\d{1,4}([- \\u00a0]?)[a-z]{2,3}\\2(?:0[1-9]|[1-8]\\d|9[0-5]|2[ab]|97[1-6]))(?![A-Za-z0-9])`,
  'giu',
);
const CUED_SIV = new RegExp(`${CUE}(${l}{2}[ \\u00a0]\\d{3}[ \\u00a0]${l}{2})(?![A-Za-z0-9])`, 'giu');

/** Finds French number plates: current SIV (`AB-123-CD`, 0.9) and older FNI (`1234 AB 34`, 0.85). */
export function findPlates(text: string, out: PiiFinding[]): void {
  for (const [re, confidence] of [
    [SIV_UPPER, 0.9],
    [SIV_LOWER, 0.8],
    [FNI, 0.85],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push(finding('PLATE', text, m.index, m.index + m[0].length, confidence));
    }
  }
  for (const re of [CUED_FNI, CUED_SIV]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const plate = m[1] ?? '';
      const end = m.index + m[0].length;
      out.push(finding('PLATE', text, end - plate.length, end, 0.8));
    }
  }
}

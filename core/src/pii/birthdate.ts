import { finding, type PiiFinding } from './pii-finding.js';

const MONTHS_FR =
  'janvier|janv\\.?|f[ée]vrier|f[ée]vr?\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|ao[uû]t|septembre|sept?\\.?|octobre|oct\\.?|novembre|nov\\.?|d[ée]cembre|d[ée]c\\.?';
const MONTHS_EN =
  'january|jan\\.?|february|feb\\.?|march|mar\\.?|april|apr\\.?|may|june|jun\\.?|july|jul\\.?|august|aug\\.?|september|sept?\\.?|october|oct\\.?|november|nov\\.?|december|dec\\.?';
const MONTH = `(?:${MONTHS_FR}|${MONTHS_EN})`;
const DAY = '(?:1er|[0-3]?\\d(?:st|nd|rd|th)?)';

// What introduces a birth date: "né le", "née en", "date de naissance :", "date of birth is", "born on", "DOB".
const CUE =
  /(?<![\p{L}\p{N}])(?:n[eé]e?s?|born|date de naissance|date of birth|birth date|birthdate|ddn|dob|d\.o\.b\.?)(?:\s{0,3}(?:[:\-–=]|est|c['’]est|is|was)?\s{0,3}(?:le|en|on|in|the)?)?\s{0,3}/giu;

// The date itself, tried right where the cue ends (sticky).
const FULL_DATE = new RegExp(
  `(?:[0-3]?\\d[/.\\-][01]?\\d[/.\\-](?:\\d{4}|\\d{2})|${DAY}\\s{1,3}(?:of\\s{1,3})?${MONTH}\\s{1,3}\\d{4}|${MONTH}\\s{1,3}${DAY},?\\s{1,3}\\d{4})(?![\\p{L}\\p{N}])`,
  'iuy',
);
const PARTIAL_DATE = new RegExp(`(?:${MONTH}\\s{1,3})?(?:19|20)\\d{2}(?![\\p{L}\\p{N}])`, 'iuy');

/**
 * Finds dates introduced as birth dates ("né le 14/02/1995" 0.95, "née le 3 mars 1988" 0.95,
 * "né en 1988" 0.6). Only the date is reported. Dates of the facts are not birth dates.
 */
export function findBirthdates(text: string, out: PiiFinding[]): void {
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m !== null; m = CUE.exec(text)) {
    const at = m.index + m[0].length;
    FULL_DATE.lastIndex = at;
    const full = FULL_DATE.exec(text);
    if (full !== null) {
      out.push(finding('BIRTHDATE', text, at, at + full[0].length, 0.95));
      CUE.lastIndex = at + full[0].length;
      continue;
    }
    PARTIAL_DATE.lastIndex = at;
    const partial = PARTIAL_DATE.exec(text);
    if (partial !== null) out.push(finding('BIRTHDATE', text, at, at + partial[0].length, 0.6));
    if (m[0].length === 0) CUE.lastIndex++;
  }
}

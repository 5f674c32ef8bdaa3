import { finding, type PiiFinding } from './pii-finding.js';

const SEP = '[ .\\-\\u00a0\\u202f]';

// French numbering plan: 0 + 9 digits, or +33 / 0033 (optionally "(0)" or a stray 0) + 9 digits;
// every digit (the leading 0 too) may be followed by one separator, so "06 12 34 56 78", "0612345678",
// "06.12.34.56.78", "0 6 1 2 3 4 5 6 7 8" and "+33 (0)6 12 34 56 78" all match. Overseas departments use the same plan (0262, 0590, 0696…).
const FRENCH = new RegExp(
  `(?<![\\d+])(?:(?:\\+|\\b00)${SEP}?33${SEP}?(?:\\(0\\)${SEP}?|0${SEP}?)?|\\b0${SEP}?)[1-9](?:${SEP}?\\d){8}(?!\\d)`,
  'g',
);

// Other countries: + or 00, a country code that is not 33, then 7 to 13 digits in any grouping.
const INTERNATIONAL = new RegExp(
  `(?<![\\d+])(?:\\+|\\b00)(?!33)[1-9]\\d{0,2}(?:${SEP}?\\(\\d{1,4}\\))?(?:${SEP}?\\d){6,12}(?!\\d)`,
  'g',
);

// Slashes as the only separator ("06/45/12/78/90"): five pairs cannot be a date, which has three parts.
const SLASHED = /(?<![\d/])0[1-9](?:\/\d{2}){4}(?![\d/])/g;

/**
 * Finds phone numbers: French ones in every common writing (0.95), slashed ones (`06/45/12/78/90`,
 * 0.9), international ones written with `+` or `00` (0.85). Service numbers (08…) name a company,
 * not a person, and are left out. Short public numbers (15, 17, 112, 3919…), times, dates (with `/`), amounts
 * and postal codes never match: they lack the ten digits of a French number or the `+`.
 */
export function findPhones(text: string, out: PiiFinding[]): void {
  FRENCH.lastIndex = 0;
  for (let m = FRENCH.exec(text); m !== null; m = FRENCH.exec(text)) {
    if (/^0[ .\-\u00a0\u202f]?8/.test(m[0])) continue; // 08: a company's service number, never a person's line
    out.push(finding('PHONE', text, m.index, m.index + m[0].length, 0.95));
  }
  SLASHED.lastIndex = 0;
  for (let m = SLASHED.exec(text); m !== null; m = SLASHED.exec(text)) {
    out.push(finding('PHONE', text, m.index, m.index + m[0].length, 0.9));
  }
  INTERNATIONAL.lastIndex = 0;
  for (let m = INTERNATIONAL.exec(text); m !== null; m = INTERNATIONAL.exec(text)) {
    out.push(finding('PHONE', text, m.index, m.index + m[0].length, 0.85));
  }
}

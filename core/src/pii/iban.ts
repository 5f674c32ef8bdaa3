import { compactAlnum, wordAt } from './chars.js';
import { mod97 } from './mod97.js';
import { finding, type PiiFinding } from './pii-finding.js';

/** Length of the IBAN of the countries most often met in French reports (ISO 13616 registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  FR: 27,
  MC: 27,
  BE: 16,
  CH: 21,
  LU: 20,
  DE: 22,
  ES: 24,
  IT: 27,
  PT: 25,
  NL: 18,
  GB: 22,
  IE: 22,
  AT: 20,
  DZ: 26,
  MA: 28,
  TN: 24,
  SN: 28,
  CI: 28,
  PL: 28,
  RO: 24,
  TR: 26,
  GR: 27,
  SE: 24,
  DK: 18,
};

const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ \u00a0-]?[A-Za-z0-9]){11,31}/g;

/**
 * Whether a compact upper-case IBAN (no spaces) passes the ISO 7064 mod-97 check and, for a country
 * listed in the registry excerpt, has its country's length.
 */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let digits = '';
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    digits += code >= 65 ? String(code - 55) : ch;
  }
  return mod97(digits) === 1;
}

/**
 * Finds IBANs, spaced or not. The longest prefix of a candidate that passes mod-97 is reported
 * (0.98); a candidate of a known country's length that fails the check (a typo) is still reported
 * at 0.5, since a near-IBAN identifies as much as an IBAN.
 */
export function findIbans(text: string, out: PiiFinding[]): void {
  IBAN_CANDIDATE.lastIndex = 0;
  for (let m = IBAN_CANDIDATE.exec(text); m !== null; m = IBAN_CANDIDATE.exec(text)) {
    const start = m.index;
    const { chars, ends } = compactAlnum(text, start, start + m[0].length);
    const expected = IBAN_LENGTHS[chars.slice(0, 2)];
    let reported = false;
    for (let len = Math.min(chars.length, 34); len >= 15; len--) {
      const end = ends[len - 1] ?? start;
      if (wordAt(text, end)) continue; // a cut inside a word is never an IBAN end
      if (ibanValid(chars.slice(0, len))) {
        out.push(finding('IBAN', text, start, end, 0.98));
        reported = true;
        break;
      }
    }
    if (!reported && expected !== undefined && chars.length >= expected) {
      const end = ends[expected - 1] ?? start;
      if (!wordAt(text, end) || chars.length === expected) out.push(finding('IBAN', text, start, end, 0.5));
    }
    IBAN_CANDIDATE.lastIndex = start + m[0].length;
  }
}

import { compactAlnum } from './chars.js';
import { luhnValid } from './luhn.js';
import { finding, type PiiFinding } from './pii-finding.js';

// Issuer digits 2-6 (Mastercard 2/5, Amex 3, Visa and CB 4, Discover/UnionPay 6), 13 to 19 digits.
const CARD_CANDIDATE = /(?<![\d.,])[2-6]\d(?:[ \u00a0-]?\d){11,20}(?!\d)/g;

/**
 * Finds payment card numbers (13 to 19 digits, spaced by blanks or dashes, Luhn-checked). The
 * longest Luhn-valid prefix ending at a group boundary is reported, at 0.95.
 */
export function findCards(text: string, out: PiiFinding[]): void {
  CARD_CANDIDATE.lastIndex = 0;
  for (let m = CARD_CANDIDATE.exec(text); m !== null; m = CARD_CANDIDATE.exec(text)) {
    const start = m.index;
    const { chars, ends } = compactAlnum(text, start, start + m[0].length);
    for (let len = Math.min(chars.length, 19); len >= 13; len--) {
      const end = ends[len - 1] ?? start;
      const next = text.charCodeAt(end);
      if (next >= 48 && next <= 57) continue; // cut inside a group of digits
      if (luhnValid(chars.slice(0, len))) {
        out.push(finding('CARD', text, start, end, 0.95));
        break;
      }
    }
  }
}

import { compactAlnum } from './chars.js';
import { mod97 } from './mod97.js';
import { finding, type PiiFinding } from './pii-finding.js';

// Sex (1/2, 3/4 foreigners being registered, 7/8 temporary), year, month (01-12, 20-42 or 50-99 when
// unknown), department (2 digits, 2A/2B for Corsica) with commune, order, then the optional key.
const NIR_CANDIDATE =
  /(?<![\dA-Za-z])[1-478][ .\u00a0]?\d{2}[ .\u00a0]?(?:0[1-9]|1[0-2]|[2-4]\d|[5-9]\d)[ .\u00a0]?(?:\d{2}|2[ABab])(?:[ .\u00a0]?\d){6}(?:[ .\u00a0]?\d{2})?(?![\dA-Za-z])/g;

/**
 * Whether the 15-character NIR (13 characters, then the 2-digit key) has the right key:
 * 97 - (number mod 97), with Corsica's 2A read as 19 and 2B as 18.
 */
export function nirKeyValid(nir: string): boolean {
  if (nir.length !== 15) return false;
  const body = nir.slice(0, 13).replace(/2A/i, '19').replace(/2B/i, '18');
  if (!/^\d{13}$/.test(body)) return false;
  return 97 - mod97(body) === Number(nir.slice(13));
}

/**
 * Finds French social security numbers (NIR). With a valid key: 0.97; with a wrong key: 0.5 (a typo
 * still identifies); 13 characters without a key: 0.6.
 */
export function findNirs(text: string, out: PiiFinding[]): void {
  NIR_CANDIDATE.lastIndex = 0;
  for (let m = NIR_CANDIDATE.exec(text); m !== null; m = NIR_CANDIDATE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const { chars } = compactAlnum(text, start, end);
    if (chars.length === 15) {
      out.push(finding('NIR', text, start, end, nirKeyValid(chars) ? 0.97 : 0.5));
    } else if (chars.length === 13) {
      out.push(finding('NIR', text, start, end, 0.6));
    }
  }
}

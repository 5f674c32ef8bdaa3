/**
 * Prints the checksummed identifiers used in the hand-written corpus part
 * (`core/data/pii-corpus/handwritten.txt`): IBANs of several countries (mod-97), card numbers
 * (Luhn) and NIRs (key 97 - mod 97, Corsica included), all invented, from a fixed seed, so that
 * anyone can regenerate them and check that the texts only hold numbers with valid checksums.
 * The texts write them by hand in the ways people do (spaced, dashed, lower case, run together).
 *
 * Run: `npx tsx core/scripts/pii-handwritten-values.ts`
 */
import { luhnValid } from '../src/pii/luhn.js';
import { mod97 } from '../src/pii/mod97.js';
import { SeededRandom } from '../src/testing/seeded-random.js';

/** Length of the basic bank account number (after country and check digits) per country. */
const BBAN_LENGTH: Readonly<Record<string, number>> = {
  FR: 23,
  BE: 12,
  DE: 18,
  ES: 20,
  IT: 23,
  CH: 17,
  LU: 16,
  MA: 24,
  PT: 21,
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A valid IBAN of `country`, compact. French and Italian BBANs hold a letter now and then. */
export function handwrittenIban(r: SeededRandom, country: string): string {
  const length = BBAN_LENGTH[country];
  if (length === undefined) throw new Error(`no BBAN length for ${country}; add it to BBAN_LENGTH`);
  let bban = r.digits(length);
  if (country === 'IT') bban = String.fromCharCode(65 + r.between(0, 25)) + bban.slice(1);
  const numeric = [...`${bban}${country}00`].map((ch) => (ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch)).join('');
  return `${country}${pad(98 - mod97(numeric))}${bban}`;
}

/** A Luhn-valid card number starting with `prefix`, `length` digits long. */
export function handwrittenCard(r: SeededRandom, prefix: string, length: number): string {
  const body = prefix + r.digits(length - prefix.length - 1);
  for (let d = 0; d <= 9; d++) if (luhnValid(body + String(d))) return body + String(d);
  throw new Error('unreachable: one check digit always satisfies Luhn');
}

/** A NIR: sex, year, month, department (2A/2B too), commune, order, and the key unless `withKey` is false. */
export function handwrittenNir(r: SeededRandom, dept: string, withKey = true): string {
  const body = `${r.pick(['1', '2'])}${pad(r.between(60, 99))}${pad(r.between(1, 12))}${dept}${pad(r.between(1, 350), 3)}${pad(r.between(1, 999), 3)}`;
  if (!withKey) return body;
  return body + pad(97 - mod97(body.replace('2A', '19').replace('2B', '18')));
}

function main(): void {
  const r = new SeededRandom(20261201);
  for (const country of ['FR', 'FR', 'FR', 'FR', 'FR', 'FR', 'BE', 'DE', 'ES', 'IT', 'CH', 'LU', 'MA', 'PT']) {
    console.log(`IBAN ${handwrittenIban(r, country)}`);
  }
  for (const [prefix, length] of [
    ['4', 16],
    ['4', 16],
    ['4', 16],
    ['51', 16],
    ['55', 16],
    ['2221', 16],
    ['34', 15],
    ['37', 15],
    ['4', 16],
    ['6011', 16],
  ] as const) {
    console.log(`CARD ${handwrittenCard(r, prefix, length)}`);
  }
  for (const dept of ['75', '34', '13', '2A', '2B', '69', '93', '30']) console.log(`NIR ${handwrittenNir(r, dept)}`);
  for (const dept of ['34', '59']) console.log(`NIR-13 ${handwrittenNir(r, dept, false)}`);
  // Second batch, written after the detector was changed (appended, so the first batch stays the same).
  for (const country of ['FR', 'FR', 'FR', 'BE', 'DE']) console.log(`IBAN ${handwrittenIban(r, country)}`);
  for (const [prefix, length] of [
    ['4', 16],
    ['53', 16],
    ['4', 16],
    ['37', 15],
  ] as const)
    console.log(`CARD ${handwrittenCard(r, prefix, length)}`);
  for (const dept of ['13', '2B', '31']) console.log(`NIR ${handwrittenNir(r, dept)}`);
  // Batch A (core/data/pii-corpus/batch-a.txt), appended so the earlier values stay the same.
  for (const country of ['FR', 'FR', 'PT', 'BE']) console.log(`IBAN ${handwrittenIban(r, country)}`);
  for (const [prefix, length] of [
    ['4', 16],
    ['51', 16],
    ['4', 16],
  ] as const)
    console.log(`CARD ${handwrittenCard(r, prefix, length)}`);
  for (const dept of ['59', '2A', '75']) console.log(`NIR ${handwrittenNir(r, dept)}`);
  // Batch B (core/data/pii-corpus/batch-b.txt), written after the detector was changed on batch A.
  for (const country of ['FR', 'MA', 'FR']) console.log(`IBAN ${handwrittenIban(r, country)}`);
  for (const [prefix, length] of [
    ['4', 16],
    ['55', 16],
    ['34', 15],
  ] as const)
    console.log(`CARD ${handwrittenCard(r, prefix, length)}`);
  for (const dept of ['33', '97', '2B']) console.log(`NIR ${handwrittenNir(r, dept)}`);
}

main();

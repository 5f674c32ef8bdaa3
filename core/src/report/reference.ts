import { randomInt } from 'node:crypto';

/** Characters of a receipt reference: no 0/O, 1/I/L, 2/Z, 5/S, 8/B to misread. */
export const REFERENCE_ALPHABET = 'ACDEFHJKMNPQRTUVWXY34679';

/** A receipt reference, e.g. `K7QF-M3XA`. */
export const REFERENCE_PATTERN = /^[ACDEFHJKMNPQRTUVWXY34679]{4}-[ACDEFHJKMNPQRTUVWXY34679]{4}$/;

/**
 * Draws a new receipt reference (24^8 ≈ 1.1e11 values, cryptographically random). The database
 * keeps them unique; callers retry on the rare collision.
 */
export function newReference(): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) out += '-';
    out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  }
  return out;
}

/** Normalises what a person typed (`k7qf m3xa`) to a reference, or undefined when it cannot be one. */
export function parseReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (compact.length !== 8) return undefined;
  const candidate = `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return REFERENCE_PATTERN.test(candidate) ? candidate : undefined;
}

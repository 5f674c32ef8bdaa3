import { isKnownPostalCode, postalCode } from '@relais/core';

/** The outcome of reading a typed postal code. */
type PostalCodeAnswer =
  | { readonly ok: true; readonly postalCode: string }
  | { readonly ok: false; readonly reason: 'format' }
  | { readonly ok: false; readonly reason: 'unknown'; readonly postalCode: string };

/**
 * Reads a French postal code from what a person typed ("34000", "34 000", "34000 Montpellier"):
 * 5 digits in the French format, served by a known commune.
 */
export function parsePostalCode(input: string): PostalCodeAnswer {
  const compact = input.replace(/(\d)[\s.](?=\d)/g, '$1');
  const match = /(?<!\d)\d{5}(?!\d)/.exec(compact);
  if (!match || compact.replace(/\D/g, '').length !== 5) return { ok: false, reason: 'format' };
  const code = match[0];
  if (!postalCode.safeParse(code).success) return { ok: false, reason: 'format' };
  return isKnownPostalCode(code) ? { ok: true, postalCode: code } : { ok: false, reason: 'unknown', postalCode: code };
}

import { contactRequest } from '@relais/core';

/** Reads an e-mail address ("<Name@Example.org >" → "Name@example.org"), or undefined when invalid. */
export function parseEmail(input: string): string | undefined {
  const trimmed = input
    .trim()
    .replace(/^<|>$/g, '')
    .replace(/^mailto:/i, '');
  const at = trimmed.lastIndexOf('@');
  if (at < 1) return undefined;
  const value = `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
  return contactRequest.safeParse({ method: 'email', value }).success ? value : undefined;
}

/**
 * Reads a phone number into international form: French numbers ("06 12 34 56 78",
 * "+33 (0)6 12 34 56 78", "0033 6…") become "+336…"; other countries need their "+" prefix.
 * Undefined when it cannot be a phone number.
 */
export function parsePhone(input: string): string | undefined {
  let digits = input
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s.\-()/]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (/^0[1-9]\d{8}$/.test(digits)) digits = `+33${digits.slice(1)}`;
  if (/^\+33\d+$/.test(digits) && !/^\+33[1-9]\d{8}$/.test(digits)) return undefined;
  if (!/^\+[1-9]\d{7,14}$/.test(digits)) return undefined;
  return contactRequest.safeParse({ method: 'phone', value: digits }).success ? digits : undefined;
}

/**
 * The remainder modulo 97 of a long decimal number given as a string of digits, computed piecewise
 * so that numbers of any length stay exact (IBAN and NIR keys).
 */
export function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i++) {
    rest = (rest * 10 + (digits.charCodeAt(i) - 48)) % 97;
  }
  return rest;
}

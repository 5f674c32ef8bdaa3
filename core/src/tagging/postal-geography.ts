/**
 * The département of a French postal code: the first two digits, `2A`/`2B` for Corsica and three
 * digits overseas (971–976, 98x). Undefined for codes that are no French postal code.
 */
export function departementOf(postalCode: string): string | undefined {
  if (!/^\d{5}$/.test(postalCode)) return undefined;
  const head = postalCode.slice(0, 2);
  if (head === '00') return undefined;
  if (head === '20') return Number(postalCode) < 20200 ? '2A' : '2B';
  if (head === '97' || head === '98') return postalCode.slice(0, 3);
  return head;
}

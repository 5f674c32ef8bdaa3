import postalCodes from './data/postal-codes.json' with { type: 'json' };

const communesByCode: Readonly<Record<string, readonly string[]>> = postalCodes;

/**
 * Whether `code` is a postal code La Poste currently serves in France (metropolitan, Corsica and
 * overseas), per the open data recorded in `SOURCES.md`. Expects the 5 digits, no spaces.
 */
export function isKnownPostalCode(code: string): boolean {
  return Object.hasOwn(communesByCode, code);
}

/**
 * Names of the communes a postal code serves, alphabetical (`34000` → `['Montpellier']`); an
 * empty list for an unknown code. Regenerate the data with `core/scripts/postal-codes-generate.ts`.
 */
export function communesOf(code: string): readonly string[] {
  return Object.hasOwn(communesByCode, code) ? (communesByCode[code] ?? []) : [];
}

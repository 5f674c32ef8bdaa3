import postalCommunes from './data/postal-communes.json' with { type: 'json' };
import { departementOf } from './postal-geography.js';

/** A commune a postal code serves. */
export interface Commune {
  /** INSEE code (Code officiel géographique), e.g. `34172`, `2A004`. */
  readonly insee: string;
  readonly name: string;
}

/** Where a postal code lies: the communes it serves and their département. */
export interface PostalPlace {
  readonly communes: readonly Commune[];
  /** The communes' département (`34`, `2A`, `974`), or the one read from the code when they disagree. */
  readonly departement: string;
}

/** Postal code → `[INSEE code, name]` of each commune it serves, by INSEE code (`data/SOURCES.md`). */
// JSON has no tuples: every entry is a pair, as the generator writes it.
const communesByCode = postalCommunes as unknown as Readonly<Record<string, readonly (readonly [string, string])[]>>;

/**
 * Whether `code` is a postal code La Poste currently serves in France (metropolitan, Corsica and
 * overseas), per the open data recorded in `data/SOURCES.md`. Expects the 5 digits, no spaces.
 */
export function isKnownPostalCode(code: string): boolean {
  return Object.hasOwn(communesByCode, code);
}

/**
 * Names of the communes a postal code serves, alphabetical (`34000` → `['Montpellier']`); an
 * empty list for an unknown code. Regenerate the data with `core/scripts/postal-communes-generate.ts`.
 */
export function communesOf(code: string): readonly string[] {
  if (!Object.hasOwn(communesByCode, code)) return [];
  return (communesByCode[code] ?? []).map(([, name]) => name).sort((a, b) => a.localeCompare(b, 'fr'));
}

/** The département of an INSEE commune code: `2A`/`2B`, three digits overseas, else two. */
function departementOfInsee(insee: string): string {
  return insee.startsWith('97') || insee.startsWith('98') ? insee.slice(0, 3) : insee.slice(0, 2);
}

/**
 * The communes and département of a French postal code, from the La Poste / INSEE open data in
 * `data/postal-communes.json` (see `data/SOURCES.md`); undefined for a code that serves no commune
 * (CEDEX, retired codes).
 */
export function postalPlace(postalCode: string): PostalPlace | undefined {
  if (!Object.hasOwn(communesByCode, postalCode)) return undefined;
  const communes = (communesByCode[postalCode] ?? []).map(([insee, name]): Commune => ({ insee, name }));
  if (communes.length === 0) return undefined;
  const departements = new Set(communes.map((c) => departementOfInsee(c.insee)));
  const [only] = departements;
  const departement =
    departements.size === 1 && only ? only : (departementOf(postalCode) ?? [...departements].sort()[0]!);
  return { communes, departement };
}

/**
 * The `commune` column of a report: the commune's name, or the names of every commune the postal
 * code serves, joined by ` / `, when the code is shared (the reporter lives in one of them).
 */
export function communeLabel(place: PostalPlace): string {
  return place.communes.map((c) => c.name).join(' / ');
}

import { readFileSync } from 'node:fs';
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

// Same relative path from src/ and dist/: worker/data/postal-communes.tsv.
const DATA_FILE = new URL('../../../data/postal-communes.tsv', import.meta.url);

let table: ReadonlyMap<string, readonly Commune[]> | undefined;

function load(): ReadonlyMap<string, readonly Commune[]> {
  const map = new Map<string, readonly Commune[]>();
  for (const line of readFileSync(DATA_FILE, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [postalCode, list] = line.split('\t');
    if (!postalCode || !list) continue;
    map.set(
      postalCode,
      list.split('|').map((entry) => {
        const colon = entry.indexOf(':');
        return { insee: entry.slice(0, colon), name: entry.slice(colon + 1) };
      }),
    );
  }
  return map;
}

/** The département of an INSEE commune code: `2A`/`2B`, three digits overseas, else two. */
function departementOfInsee(insee: string): string {
  return insee.startsWith('97') || insee.startsWith('98') ? insee.slice(0, 3) : insee.slice(0, 2);
}

/**
 * The communes and département of a French postal code, from the La Poste / INSEE open data shipped
 * in `worker/data/postal-communes.tsv` (see `worker/data/SOURCES.md`); undefined for a code that
 * serves no commune (CEDEX, retired codes). The file is read once, on first use.
 */
export function postalPlace(postalCode: string): PostalPlace | undefined {
  table ??= load();
  const communes = table.get(postalCode);
  if (!communes || communes.length === 0) return undefined;
  const departements = new Set(communes.map((c) => departementOfInsee(c.insee)));
  const [only] = departements;
  const departement = departements.size === 1 && only ? only : (departementOf(postalCode) ?? [...departements].sort()[0]!);
  return { communes, departement };
}

/**
 * The `commune` column of a report: the commune's name, or the names of every commune the postal
 * code serves, joined by ` / `, when the code is shared (the reporter lives in one of them).
 */
export function communeLabel(place: PostalPlace): string {
  return place.communes.map((c) => c.name).join(' / ');
}

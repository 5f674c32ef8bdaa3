import postalCommunes from './data/postal-communes.json' with { type: 'json' };
import { editDistance } from './edit-distance.js';
import { departementOf } from './postal-geography.js';

/** A commune found by its name, with every postal code that serves it (ascending). */
export interface NamedCommune {
  /** INSEE code (Code officiel géographique), e.g. `34172`. */
  readonly insee: string;
  readonly name: string;
  /** The commune's département (`34`, `2A`, `974`), read from its main postal code. */
  readonly departement: string;
  readonly postalCodes: readonly string[];
}

/**
 * A commune name as people type it: no accents, lower case, hyphens and apostrophes as spaces,
 * "st"/"ste" as "saint"/"sainte" ("St-Étienne" and "saint etienne" are one key).
 */
export function communeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/[-'’`´.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(^| )st( |$)/g, '$1saint$2')
    .replace(/(^| )ste( |$)/g, '$1sainte$2');
}

let index: Map<string, NamedCommune[]> | undefined;

// Built on first use (≈35,000 communes from the shipped data), then kept: a look-up is one Map read.
function communeIndex(): Map<string, NamedCommune[]> {
  if (index) return index;
  const byInsee = new Map<string, { name: string; codes: string[] }>();
  const data = postalCommunes as unknown as Readonly<Record<string, readonly (readonly [string, string])[]>>;
  for (const [code, communes] of Object.entries(data))
    for (const [insee, name] of communes) {
      const entry = byInsee.get(insee) ?? { name, codes: [] };
      entry.codes.push(code);
      byInsee.set(insee, entry);
    }
  index = new Map();
  for (const [insee, { name, codes }] of byInsee) {
    const postalCodes = codes.sort();
    const commune: NamedCommune = { insee, name, departement: departementOf(postalCodes[0]!) ?? '', postalCodes };
    const key = communeKey(name);
    index.set(key, [...(index.get(key) ?? []), commune]);
  }
  return index;
}

/**
 * The communes called `name` in the shipped La Poste / INSEE data ("Montpellier" → Montpellier
 * with 34000, 34070, 34080, 34090; "Saint-Denis" → five communes), ignoring case, accents,
 * hyphens and "St"/"Saint". When no name is equal, names one typo away (two for long names:
 * "Monpellier") are returned instead, larger towns first ("Montpelier": Montpellier, then
 * Montélier), unless `typos` is false. An empty list when nothing is close.
 */
export function communesNamed(name: string, typos = true): readonly NamedCommune[] {
  const key = communeKey(name);
  if (key.length < 2 || key.length > 60) return [];
  const communes = communeIndex();
  const exact = communes.get(key);
  if (exact) return exact;
  if (!typos || key.length < 5) return [];
  const max = key.length >= 9 ? 2 : 1;
  let best = max + 1;
  let found: NamedCommune[] = [];
  for (const [candidate, entries] of communes) {
    if (candidate[0] !== key[0]) continue;
    const d = editDistance(key, candidate, max);
    if (d > max) continue;
    if (d < best) [best, found] = [d, [...entries]];
    else if (d === best) found.push(...entries);
  }
  // Several near names ("Montpelier": Montpellier, Montélier): the commune with more postal codes (a larger town) first.
  return found.sort((a, b) => b.postalCodes.length - a.postalCodes.length || a.name.localeCompare(b.name, 'fr'));
}

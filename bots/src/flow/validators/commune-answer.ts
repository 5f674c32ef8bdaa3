import { communesNamed, type NamedCommune } from '@relais/core';
import { CHOICE_SYNONYMS } from './choice-synonyms.js';
import { normaliseText } from './normalise-text.js';
import { parsePostalCode } from './postal-code-answer.js';

/** One postal code of one commune, as offered when a name is ambiguous. */
export interface CommuneCode {
  readonly postalCode: string;
  readonly insee: string;
  readonly name: string;
  readonly departement: string;
}

/** What a typed place answer is: a postal code, communes to choose from, or why it is neither. */
export type PlaceAnswer =
  | { readonly kind: 'code'; readonly postalCode: string }
  | { readonly kind: 'unknownCode'; readonly postalCode: string }
  /** Every postal code of the communes the name fits (one entry: nothing to ask). */
  | { readonly kind: 'communes'; readonly codes: readonly CommuneCode[] }
  /** So many communes bear the name that a list would not help: ask for the code or the département. */
  | { readonly kind: 'tooMany'; readonly name: string }
  | { readonly kind: 'dontKnow' }
  /** Neither a postal code nor a commune ("Corum", "près du tram"). */
  | { readonly kind: 'notFound' };

/** More choices than this are not offered as buttons. */
export const MAX_COMMUNE_CHOICES = 8;

const LEADING =
  /^(?:(?:c ?'? ?etait|c ?'? ?est|it was|ca s ?'? ?est passe) )?(?:a|au|en|in|at|sur|vers|dans|pres de|near|la ville de|ville de|commune de|the city of|city of) /;
const DEPARTEMENT = /^(.+?)[\s(]+(\d{2}|2a|2b|97\d)\)?$/;

const compact = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');
const dontKnow = new Set((CHOICE_SYNONYMS.unknown ?? []).map(compact));

function codesOf(communes: readonly NamedCommune[]): CommuneCode[] {
  return communes.flatMap((c) =>
    c.postalCodes.map((postalCode) => ({ postalCode, insee: c.insee, name: c.name, departement: c.departement })),
  );
}

function lookUp(name: string): PlaceAnswer | undefined {
  const cleaned = name.replace(LEADING, '').trim();
  const withDepartement = DEPARTEMENT.exec(cleaned);
  const [commune, departement] = withDepartement
    ? [withDepartement[1]!, withDepartement[2]!.toUpperCase()]
    : [cleaned, undefined];
  const found = communesNamed(commune).filter((c) => departement === undefined || c.departement === departement);
  if (found.length === 0) return undefined;
  const codes = codesOf(found);
  if (found.length > 1 && codes.length > MAX_COMMUNE_CHOICES) return { kind: 'tooMany', name: found[0]!.name };
  return { kind: 'communes', codes };
}

/**
 * Reads where the facts happened, as typed: a postal code ("34000", "34 000 Montpellier"), a
 * commune name from the shipped La Poste / INSEE data ("Montpellier", "à Sète", "Saint-Denis 93",
 * "montpelier"), possibly after a place that is not one ("au Corum à Montpellier"), or "je ne sais
 * pas". A commune with several postal codes, or several communes with the name, come back as the
 * codes to choose from.
 */
export function parsePlace(input: string): PlaceAnswer {
  const text = normaliseText(input)
    .replace(/[.!?]+$/, '')
    .trim();
  if (text.length === 0 || text.length > 100) return { kind: 'notFound' };
  if (/\d{2}\s?\d{3}/.test(text)) {
    const code = parsePostalCode(text);
    if (code.ok) return { kind: 'code', postalCode: code.postalCode };
    if (code.reason === 'unknown') return { kind: 'unknownCode', postalCode: code.postalCode };
  }
  if (dontKnow.has(compact(text))) return { kind: 'dontKnow' };
  const whole = lookUp(text);
  if (whole) return whole;
  // "au Corum à Montpellier", "Corum, Montpellier": the commune is often said last.
  const last = /(?:,|\s(?:a|au|en|in|at|near|pres de))\s+([^,]+)$/.exec(text)?.[1];
  return (last && lookUp(last)) || { kind: 'notFound' };
}

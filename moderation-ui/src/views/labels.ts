import { ACT_TYPES, MOTIVES, PLACE_TYPES, type TaxonomyEntry } from '@relais/core';

const index = (entries: readonly TaxonomyEntry[]) => new Map(entries.map((e) => [e.code, e.labels.fr]));
const acts = index(ACT_TYPES);
const motives = index(MOTIVES);
const places = index(PLACE_TYPES);

/** French label of an act type code (the code itself when unknown). */
export const actLabel = (code: string): string => acts.get(code) ?? code;
/** French label of a motive code. */
export const motiveLabel = (code: string): string => motives.get(code) ?? code;
/** French label of a place type code. */
export const placeLabel = (code: string | null): string => (code ? (places.get(code) ?? code) : '—');

/** French names of report statuses. */
export const STATUS_LABELS: Record<string, string> = {
  received: 'Nouveau',
  in_review: 'En cours',
  done: 'Terminé',
  rejected: 'Rejeté',
  erased: 'Effacé',
  flagged: 'Signalé par un partenaire',
};

/** Priority names. */
export const PRIORITY_LABELS = ['Normale', 'Haute', 'Urgente'] as const;

/** A date as `YYYY-MM-DD HH:MM` (UTC), or a dash. */
export function when(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 16).replace('T', ' ') : '—';
}

import { ACT_TYPES, MOTIVES, PLACE_TYPES, type TaxonomyEntry } from '@relais/core';

const index = (entries: readonly TaxonomyEntry[]) => new Map(entries.map((e) => [e.code, e.labels.fr]));
const acts = index(ACT_TYPES);
const motives = index(MOTIVES);
const places = index(PLACE_TYPES);
const NOT_SAID = 'Non précisé';

/** French label of an act type code (the code itself when unknown). */
export const actLabel = (code: string): string => acts.get(code) ?? code;
/** French label of a motive code. */
export const motiveLabel = (code: string): string => motives.get(code) ?? code;
/** French label of a place type code (`unknown`: the digest's "not said"). */
export const placeLabel = (code: string | null): string => (code === 'unknown' ? NOT_SAID : code ? (places.get(code) ?? code) : '—');

const roles = new Map([
  ['victim', 'Victime'],
  ['witness', 'Témoin'],
]);
// As partners read them (the reporter's own answers are in the first person).
const complaints = new Map([
  ['filed', 'Plainte déposée'],
  ['intends_to', 'Plainte envisagée'],
  ['wants_help', 'Souhaite de l’aide pour porter plainte'],
  ['no', 'Pas de plainte'],
]);

/** French label of who reported (`victim`, `witness`; anything else: "not said"). */
export const roleLabel = (code: string | null): string => (code ? (roles.get(code) ?? NOT_SAID) : NOT_SAID);
/** French label of a complaint status code, as a partner reads it (unknown or none: "not said"). */
export const complaintLabel = (code: string | null): string => (code ? (complaints.get(code) ?? NOT_SAID) : NOT_SAID);
/** A postal code as breakdowns show it (`none`: a report without one, e.g. online). */
export const postalCodeLabel = (code: string): string => (code === 'none' ? 'Sans code postal' : code);

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

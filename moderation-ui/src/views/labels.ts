import { ACT_TYPES, LANGS, MOTIVES, PLACE_TYPES, type Lang, type Labels, type TaxonomyEntry } from '@relais/core';
import { translate, type UiKey } from '../i18n/catalog.js';

const index = (entries: readonly TaxonomyEntry[]) => new Map(entries.map((e) => [e.code, e.labels]));
const acts = index(ACT_TYPES);
const motives = index(MOTIVES);
const places = index(PLACE_TYPES);

const roles: Readonly<Record<string, UiKey>> = { victim: 'label.role.victim', witness: 'label.role.witness' };
// As partners read them (the reporter's own answers are in the first person).
const complaints: Readonly<Record<string, UiKey>> = {
  filed: 'label.complaint.filed',
  intends_to: 'label.complaint.intendsTo',
  wants_help: 'label.complaint.wantsHelp',
  no: 'label.complaint.no',
};
const statuses: Readonly<Record<string, UiKey>> = {
  received: 'status.received',
  in_review: 'status.inReview',
  done: 'status.done',
  rejected: 'status.rejected',
  erased: 'status.erased',
  flagged: 'status.flagged',
};
const priorities: readonly UiKey[] = ['priority.normal', 'priority.high', 'priority.urgent'];

/** The names the UI gives to stored codes, in one language (unknown codes show as themselves). */
export interface UiLabels {
  /** Label of an act type code. */
  readonly act: (code: string) => string;
  /** Label of a motive code. */
  readonly motive: (code: string) => string;
  /** Label of a place type code (`unknown`: the digest's "not said"; none: a dash). */
  readonly place: (code: string | null) => string;
  /** Who reported (`victim`, `witness`; anything else: "not said"). */
  readonly role: (code: string | null) => string;
  /** A complaint status code, as a partner reads it (unknown or none: "not said"). */
  readonly complaint: (code: string | null) => string;
  /** A postal code as breakdowns show it (`none`: a report without one, e.g. online). */
  readonly postalCode: (code: string) => string;
  /** Name of a report status (`flagged`: flagged by a partner). */
  readonly status: (code: string) => string;
  /** Name of a priority (0 normal, 1 high, 2 urgent). */
  readonly priority: (priority: number) => string;
  /** The priority names, by priority. */
  readonly priorities: readonly string[];
}

function labelsIn(lang: Lang): UiLabels {
  const say = (key: UiKey) => translate(lang, key);
  const notSaid = say('label.notSaid');
  const taxonomy = (map: ReadonlyMap<string, Labels>) => (code: string) => map.get(code)?.[lang] ?? code;
  const place = taxonomy(places);
  const named = (keys: Readonly<Record<string, UiKey>>) => (code: string) => {
    const key = Object.hasOwn(keys, code) ? keys[code] : undefined;
    return key ? say(key) : undefined;
  };
  const role = named(roles);
  const complaint = named(complaints);
  const status = named(statuses);
  const priorityNames = priorities.map(say);
  return {
    act: taxonomy(acts),
    motive: taxonomy(motives),
    place: (code) => (code === 'unknown' ? notSaid : code ? place(code) : '—'),
    role: (code) => (code ? (role(code) ?? notSaid) : notSaid),
    complaint: (code) => (code ? (complaint(code) ?? notSaid) : notSaid),
    postalCode: (code) => (code === 'none' ? say('label.noPostalCode') : code),
    status: (code) => status(code) ?? code,
    priority: (p) => priorityNames[p] ?? String(p),
    priorities: priorityNames,
  };
}

const BY_LANG: Readonly<Record<Lang, UiLabels>> = Object.fromEntries(
  LANGS.map((lang) => [lang, labelsIn(lang)]),
) as Record<Lang, UiLabels>;

/** The UI's labels of stored codes in `lang` (built once per language). */
export function labelsFor(lang: Lang): UiLabels {
  return BY_LANG[lang];
}

/** A date as `YYYY-MM-DD HH:MM` (UTC), or a dash. */
export function when(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 16).replace('T', ' ') : '—';
}

import type { Lang } from '../i18n/langs.js';

/**
 * How a partner field's value is typed and shown: an opaque identifier, a code (or a free value
 * such as a postal code), a list of codes, the month of the facts (`YYYY-MM`), an instant, or the
 * anonymised text.
 */
export type PartnerFieldKind = 'id' | 'code' | 'codes' | 'month' | 'instant' | 'text';

/** One field a partner receives of a released report. */
export interface PartnerField {
  /** Its name in the partner JSON (camelCase). */
  readonly key: string;
  /** Its column of `reports` (also the CSV header). */
  readonly column: string;
  readonly kind: PartnerFieldKind;
  /** What it is, as the reporter is told and the partner reads it (lower case, no final stop). */
  readonly labels: Readonly<Record<Lang, string>>;
  /** Named in the short sentence of the bots' welcome (the privacy notice names every field). */
  readonly inSummary?: true;
}

/**
 * Everything a partner ever receives of a released report, in the order the partner views show it:
 * the one source for the partner queries (their selected columns), the partner JSON, CSV and pages,
 * and the bots' welcome and privacy notice (their list of what partners see is generated from it).
 * The date of the facts is the month only (`occurred_month`, truncated by the database); the
 * identifier is `partner_ref`, never the reporter's follow-up reference. Adding a field here also
 * needs a migration granting its column to `relais_partner`.
 */
export const PARTNER_FIELDS = [
  {
    key: 'partnerRef',
    column: 'partner_ref',
    kind: 'id',
    labels: {
      fr: 'un numéro propre aux partenaires (pas votre référence de suivi)',
      en: 'a number for partners only (not your follow-up reference)',
    },
  },
  {
    key: 'actTypes',
    column: 'act_types',
    kind: 'codes',
    labels: { fr: 'type de faits', en: 'kind of acts' },
    inSummary: true,
  },
  { key: 'motives', column: 'motives', kind: 'codes', labels: { fr: 'motifs', en: 'motives' } },
  {
    key: 'occurredMonth',
    column: 'occurred_month',
    kind: 'month',
    labels: { fr: 'mois des faits (jamais le jour)', en: 'month of the acts (never the day)' },
    inSummary: true,
  },
  {
    key: 'locationKind',
    column: 'location_kind',
    kind: 'code',
    labels: { fr: 'lieu des faits : en France, en ligne ou à l’étranger', en: 'where: in France, online or abroad' },
  },
  {
    key: 'postalCode',
    column: 'postal_code',
    kind: 'code',
    labels: { fr: 'code postal', en: 'postal code' },
    inSummary: true,
  },
  { key: 'commune', column: 'commune', kind: 'code', labels: { fr: 'commune', en: 'town' } },
  { key: 'departement', column: 'departement', kind: 'code', labels: { fr: 'département', en: 'département' } },
  { key: 'placeType', column: 'place_type', kind: 'code', labels: { fr: 'type de lieu', en: 'kind of place' } },
  {
    key: 'reporterRole',
    column: 'reporter_role',
    kind: 'code',
    labels: { fr: 'victime ou témoin', en: 'victim or witness' },
  },
  {
    key: 'complaint',
    column: 'complaint',
    kind: 'code',
    labels: { fr: 'plainte déposée ou non', en: 'whether a complaint was filed' },
  },
  {
    key: 'tunnel',
    column: 'tunnel',
    kind: 'code',
    labels: { fr: 'page partenaire utilisée pour signaler', en: 'partner page used to report' },
  },
  {
    key: 'categories',
    column: 'categories',
    kind: 'codes',
    // Computed from the answers by the intake (core `reportCategories`): say which, minor and danger included.
    labels: {
      fr: 'catégories tirées de vos réponses (violences, en ligne, victime mineure, en danger, aide pour porter plainte)',
      en: 'categories drawn from your answers (violence, online, minor victim, in danger, help with a complaint)',
    },
  },
  {
    key: 'releasedAt',
    column: 'released_at',
    kind: 'instant',
    labels: { fr: 'date de publication par l’équipe', en: 'date the staff released it' },
  },
  {
    key: 'anonymisedText',
    column: 'anonymised_text',
    kind: 'text',
    labels: {
      fr: 'texte réécrit par l’équipe sans nom ni détail identifiant',
      en: 'text rewritten by the staff without names or identifying details',
    },
    inSummary: true,
  },
] as const satisfies readonly PartnerField[];

/** A column of {@link PARTNER_FIELDS}. */
export type PartnerFieldColumn = (typeof PARTNER_FIELDS)[number]['column'];

/** A JSON key of {@link PARTNER_FIELDS}. */
export type PartnerFieldKey = (typeof PARTNER_FIELDS)[number]['key'];

// Some labels hold commas ("en France, en ligne ou à l’étranger"): the full list is split by semicolons.
const SEPARATORS: Readonly<Record<Lang, string>> = { fr: ' ; ', en: '; ' };
const LAST_SUMMARY_JOIN: Readonly<Record<Lang, string>> = { fr: ' et ', en: ' and ' };

/**
 * What partners see, as a sentence fragment for the reporter: every field's label, separated by
 * semicolons; with `summary`, only the fields marked {@link PartnerField.inSummary} ("a, b and c"),
 * for the short welcome. `fields` defaults to {@link PARTNER_FIELDS}.
 */
export function partnerFieldsSentence(
  lang: Lang,
  options: { readonly summary?: boolean; readonly fields?: readonly PartnerField[] } = {},
): string {
  const fields: readonly PartnerField[] = options.fields ?? PARTNER_FIELDS;
  const labels = fields.filter((f) => !options.summary || f.inSummary).map((f) => f.labels[lang]);
  if (!options.summary) return labels.join(SEPARATORS[lang]);
  const last = labels.pop();
  return labels.length ? `${labels.join(', ')}${LAST_SUMMARY_JOIN[lang]}${last}` : (last ?? '');
}

import type { TaxonomyEntry } from './labels.js';

/** What happened. Several may apply to one report. */
export const ACT_TYPES = [
  { code: 'insult', labels: { fr: 'Insultes, injures', en: 'Insults, verbal abuse' } },
  { code: 'harassment', labels: { fr: 'Harcèlement', en: 'Harassment' } },
  { code: 'threat', labels: { fr: 'Menaces', en: 'Threats' } },
  { code: 'physical_violence', labels: { fr: 'Violences physiques', en: 'Physical violence' } },
  { code: 'sexual_violence', labels: { fr: 'Violences sexuelles', en: 'Sexual violence' } },
  {
    code: 'discrimination',
    labels: { fr: 'Discrimination (travail, logement, service…)', en: 'Discrimination (work, housing, services…)' },
  },
  { code: 'online_hate', labels: { fr: 'Haine en ligne, cyberharcèlement', en: 'Online hate, cyberbullying' } },
  {
    code: 'outing',
    labels: { fr: 'Outing (révélation sans consentement)', en: 'Outing (disclosure without consent)' },
  },
  { code: 'property_damage', labels: { fr: 'Dégradations, tags', en: 'Property damage, graffiti' } },
  { code: 'theft', labels: { fr: 'Vol, racket', en: 'Theft, extortion' } },
  { code: 'other', labels: { fr: 'Autre', en: 'Other' } },
] as const satisfies readonly TaxonomyEntry[];

/** Perceived motives, with "I don't know" and "prefer not to say". */
export const MOTIVES = [
  { code: 'lesbophobia', labels: { fr: 'Lesbophobie', en: 'Lesbophobia' } },
  { code: 'gayphobia', labels: { fr: 'Homophobie (gay)', en: 'Homophobia (gay)' } },
  { code: 'biphobia', labels: { fr: 'Biphobie', en: 'Biphobia' } },
  { code: 'transphobia', labels: { fr: 'Transphobie', en: 'Transphobia' } },
  { code: 'interphobia', labels: { fr: 'Intersexophobie', en: 'Intersexphobia' } },
  { code: 'serophobia', labels: { fr: 'Sérophobie (VIH)', en: 'HIV stigma' } },
  { code: 'other', labels: { fr: 'Autre motif', en: 'Other motive' } },
  { code: 'unknown', labels: { fr: 'Je ne sais pas', en: "I don't know" } },
  { code: 'prefer_not_to_say', labels: { fr: 'Je préfère ne pas le dire', en: 'I prefer not to say' } },
] as const satisfies readonly TaxonomyEntry[];

/** Kinds of place where the facts happened. */
export const PLACE_TYPES = [
  { code: 'street', labels: { fr: 'Rue, espace public', en: 'Street, public space' } },
  { code: 'public_transport', labels: { fr: 'Transports en commun', en: 'Public transport' } },
  { code: 'shop_bar_restaurant', labels: { fr: 'Commerce, bar, restaurant', en: 'Shop, bar, restaurant' } },
  { code: 'nightlife', labels: { fr: 'Lieu festif, boîte de nuit', en: 'Nightlife venue, club' } },
  { code: 'workplace', labels: { fr: 'Travail', en: 'Workplace' } },
  { code: 'school', labels: { fr: 'École, université', en: 'School, university' } },
  { code: 'home', labels: { fr: 'Domicile, voisinage', en: 'Home, neighbourhood' } },
  { code: 'family', labels: { fr: 'Famille', en: 'Family' } },
  { code: 'online', labels: { fr: 'Internet, réseaux sociaux', en: 'Internet, social media' } },
  { code: 'sports', labels: { fr: 'Lieu sportif', en: 'Sports venue' } },
  { code: 'health', labels: { fr: 'Santé (cabinet, hôpital)', en: 'Healthcare' } },
  { code: 'public_service', labels: { fr: 'Administration, service public', en: 'Public service' } },
  { code: 'other', labels: { fr: 'Autre lieu', en: 'Other place' } },
] as const satisfies readonly TaxonomyEntry[];

/** Who reports: the victim, or a witness. */
export const REPORTER_ROLES = [
  { code: 'victim', labels: { fr: 'Je suis victime', en: 'I am the victim' } },
  { code: 'witness', labels: { fr: 'Je suis témoin', en: 'I am a witness' } },
] as const satisfies readonly TaxonomyEntry[];

/** Whether a complaint was filed with the police or gendarmerie. */
export const COMPLAINT_STATUSES = [
  { code: 'filed', labels: { fr: "J'ai porté plainte", en: 'I have filed a complaint' } },
  { code: 'intends_to', labels: { fr: "J'ai l'intention de porter plainte", en: 'I intend to file a complaint' } },
  { code: 'no', labels: { fr: 'Non', en: 'No' } },
  {
    code: 'wants_help',
    labels: { fr: "J'aimerais être aidé·e pour porter plainte", en: 'I would like help to file a complaint' },
  },
] as const satisfies readonly TaxonomyEntry[];

type CodeOf<T extends readonly TaxonomyEntry[]> = T[number]['code'];
/** Code of an act type, such as `physical_violence`. */
export type ActType = CodeOf<typeof ACT_TYPES>;
/** Code of a perceived motive. */
export type Motive = CodeOf<typeof MOTIVES>;
/** Code of a place type. */
export type PlaceType = CodeOf<typeof PLACE_TYPES>;
/** `victim` or `witness`. */
export type ReporterRole = CodeOf<typeof REPORTER_ROLES>;
/** Complaint status code. */
export type ComplaintStatus = CodeOf<typeof COMPLAINT_STATUSES>;

/** The codes of a taxonomy, as a non-empty tuple for `z.enum`. */
export function codesOf<T extends readonly TaxonomyEntry[]>(entries: T): [CodeOf<T>, ...CodeOf<T>[]] {
  return entries.map((e) => e.code) as [CodeOf<T>, ...CodeOf<T>[]];
}

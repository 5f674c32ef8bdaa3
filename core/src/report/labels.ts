/** A language Relais speaks to reporters and partners. */
export type Lang = 'fr' | 'en';

/** The languages, French first (the default). */
export const LANGS = ['fr', 'en'] as const satisfies readonly Lang[];

/** A text in every language Relais speaks. */
export type Labels = Readonly<Record<Lang, string>>;

/** One entry of a taxonomy: a stable code stored in the database, and its labels. */
export interface TaxonomyEntry<Code extends string = string> {
  readonly code: Code;
  readonly labels: Labels;
}

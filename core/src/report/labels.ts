import type { Lang } from '../i18n/langs.js';

/** A text in every language Relais speaks. */
export type Labels = Readonly<Record<Lang, string>>;

/** One entry of a taxonomy: a stable code stored in the database, and its labels. */
export interface TaxonomyEntry<Code extends string = string> {
  readonly code: Code;
  readonly labels: Labels;
}

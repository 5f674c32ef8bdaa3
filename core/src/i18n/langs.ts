import { z } from 'zod';

/**
 * The languages Relais speaks to reporters and partners, French first (the default). The one list:
 * zod schemas, the locale detector, every app's catalogs (typed `Record<Lang, …>`) and the
 * database's `languages` table (filled by the migrate runner) all follow it.
 */
export const LANGS = ['fr', 'en'] as const;

/** A language Relais speaks: one of {@link LANGS}. */
export type Lang = (typeof LANGS)[number];

/** The language used when nothing says which one a person reads: the first of {@link LANGS}. */
export const DEFAULT_LANG: Lang = LANGS[0];

/** A language code that must be one of {@link LANGS} (report submissions, flow state, queries). */
export const langCode = z.enum(LANGS);

/** Whether `value` is exactly one of {@link LANGS}. */
export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}

/**
 * The language a "switch language" link or button offers from `lang`: the next one of
 * {@link LANGS}, wrapping around (with French and English, the other one).
 */
export function otherLang(lang: Lang): Lang {
  return LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length] ?? DEFAULT_LANG;
}

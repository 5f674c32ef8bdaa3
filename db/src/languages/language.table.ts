/**
 * `languages`: the language codes a report may be in (`reports.lang` references it). Filled by the
 * migrate runner from core's `LANGS` (`syncLanguages`); a code dropped from `LANGS` stays, so old
 * reports keep a valid language.
 */
export interface LanguageTable {
  code: string;
}

import { RelaisError } from '../errors/relais-error.js';
import type { Lang } from '../i18n/langs.js';

const LOCALES: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB' };
const formats = new Map<Lang, Intl.DateTimeFormat>();

/** A month of the facts as `YYYY-MM`, the only date of the facts a partner receives. */
export const FACTS_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A `YYYY-MM` month as a person reads it: "novembre 2026", "November 2026" (never a day). Throws
 * a `RelaisError` (`NOT_A_MONTH`) on anything else, so a day can never be shown by mistake.
 */
export function formatFactsMonth(month: string, lang: Lang): string {
  if (!FACTS_MONTH_PATTERN.test(month))
    throw new RelaisError('NOT_A_MONTH', `expected a YYYY-MM month (partners never get a day), got ${month}`);
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' });
    formats.set(lang, f);
  }
  return f.format(new Date(`${month}-01T00:00:00Z`));
}

import type { Lang } from '@relais/core';

/** The locale each language formats dates in (bots and the follow-up page's script alike). */
export const DATE_LOCALES: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB' };
const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
const monthFormats = new Map<Lang, Intl.DateTimeFormat>();

function format(
  cache: Map<Lang, Intl.DateTimeFormat>,
  lang: Lang,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let f = cache.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(DATE_LOCALES[lang], { ...options, timeZone: 'UTC' });
    cache.set(lang, f);
  }
  return f;
}

/** A day (`YYYY-MM-DD`) as the person reads it: "12 mars 2025", "12 March 2025". */
export function formatDay(lang: Lang, day: string): string {
  return format(dayFormats, lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A month (`YYYY-MM`) as the person reads it: "mars 2025", "March 2025". */
export function formatMonth(lang: Lang, month: string): string {
  return format(monthFormats, lang, { month: 'long', year: 'numeric' }).format(new Date(`${month}-01T00:00:00Z`));
}

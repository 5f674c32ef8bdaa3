import { DEFAULT_LANG, LANGS, isLang, type Lang } from './langs.js';

/** What a channel knows of the language a person reads. */
export interface LangHints {
  /** A language the person chose explicitly (`?lang=` of a page): used when it is exactly one of `LANGS`. */
  readonly chosen?: unknown;
  /**
   * A language tag the client sent: an `Accept-Language` header, Telegram's `language_code`, a Bot
   * Framework `locale`. Read by its start (`en-GB,en;q=0.9` is English), case-insensitively.
   */
  readonly tag?: string | undefined;
}

/**
 * The one locale detector of Relais: the chosen language if it is one of `LANGS`, else the language
 * the client's tag starts with, else {@link DEFAULT_LANG} (French). Used by the tunnel and follow-up
 * pages, the Telegram bot and the web chat bot.
 */
export function detectLang(hints: LangHints): Lang {
  if (isLang(hints.chosen)) return hints.chosen;
  const tag = hints.tag?.toLowerCase() ?? '';
  return LANGS.find((lang) => tag.startsWith(lang)) ?? DEFAULT_LANG;
}

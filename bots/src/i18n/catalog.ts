import { LANGS, type Lang } from '@relais/core';
import { en } from './en.js';
import { fr } from './fr.js';
import type { Messages } from './messages.js';

export type { Messages };

/** A key of the conversation texts (`conversation` section). */
export type ConversationKey = keyof Messages['conversation'];

/** A key of the guidance texts (`guidance` section: emergency, safe places, next steps, help). */
export type GuidanceKey = keyof Messages['guidance'];

/** A key the conversation renders with {@link translate}: a conversation or a guidance text. */
export type MessageKey = ConversationKey | GuidanceKey;

/**
 * The bots' catalogs, by language: every text a reporter reads (conversation, guidance, pages,
 * follow-up page, Direct Line notices). Typed by `Lang`, so a language added to `LANGS` without a
 * catalog fails typecheck.
 */
export const CATALOGS: Readonly<Record<Lang, Messages>> = { fr, en };

// One flat table per language, built once, so `translate` is a single lookup.
const FLOW_TEXTS = Object.fromEntries(
  LANGS.map((lang) => [lang, { ...CATALOGS[lang].conversation, ...CATALOGS[lang].guidance }]),
) as Record<Lang, Readonly<Record<MessageKey, string>>>;

/** Renders a conversation or guidance text in `lang`, replacing `{name}` placeholders with `params`. */
export function translate(lang: Lang, key: MessageKey, params: Readonly<Record<string, string>> = {}): string {
  return FLOW_TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** A text shown before the language is known: every language's version, in `LANGS` order, joined by " / ". */
export function inEveryLang(pick: (messages: Messages) => string): string {
  return LANGS.map((lang) => pick(CATALOGS[lang])).join(' / ');
}

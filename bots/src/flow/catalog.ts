import type { Lang } from '@relais/core';
import { guidanceEn } from './guidance-en.js';
import { guidanceFr, type GuidanceKey } from './guidance-fr.js';
import { conversationEn } from './messages-en.js';
import { conversationFr, type ConversationKey } from './messages-fr.js';

/** A key of the message catalogs (conversation and guidance texts). */
export type MessageKey = ConversationKey | GuidanceKey;

/** The catalogs, by language: every text the conversation shows. */
export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = {
  fr: { ...conversationFr, ...guidanceFr },
  en: { ...conversationEn, ...guidanceEn },
};

/** Renders a catalog message in `lang`, replacing `{name}` placeholders with `params`. */
export function translate(lang: Lang, key: MessageKey, params: Readonly<Record<string, string>> = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

import type { Lang } from '@relais/core';
import { en } from './messages-en.js';
import { fr, type MessageKey } from './messages-fr.js';

const catalogs: Record<Lang, Record<MessageKey, string>> = { fr, en };

/** Renders a catalog message in `lang`, replacing `{name}` placeholders with `params`. */
export function translate(lang: Lang, key: MessageKey, params: Readonly<Record<string, string>> = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export type { MessageKey };

import type { Lang } from '@relais/core';
import { escapeHtml, SafeHtml } from '../views/html.js';
import { uiEn } from './messages-en.js';
import { uiFr, type UiKey } from './messages-fr.js';

export type { UiKey } from './messages-fr.js';

/** Placeholders of a message (`{name}` → value). */
export type UiParams = Readonly<Record<string, string | number>>;

/** The moderation UI's catalogs, by language: every text a person reads, errors included. */
export const UI_CATALOGS: Readonly<Record<Lang, Readonly<Record<UiKey, string>>>> = { fr: uiFr, en: uiEn };

/** The language of the moderation UI when nothing says otherwise. */
export const DEFAULT_UI_LANG: Lang = 'fr';

/** Renders a catalog message in `lang`, replacing `{name}` placeholders with `params`. */
export function translate(lang: Lang, key: UiKey, params: UiParams = {}): string {
  return UI_CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Placeholders of a message rendered as markup: `SafeHtml` values go in as they are. */
export type UiHtmlParams = Readonly<Record<string, string | number | SafeHtml>>;

/**
 * Renders a catalog message in `lang` as markup, for a message with markup inside (a figure in
 * bold): its text and plain `params` are escaped, `SafeHtml` params inserted as they are.
 */
export function translateHtml(lang: Lang, key: UiKey, params: UiHtmlParams): SafeHtml {
  const markup = UI_CATALOGS[lang][key]
    .split(/(\{\w+\})/)
    .map((part) => {
      const value = /^\{\w+\}$/.test(part) ? params[part.slice(1, -1)] : undefined;
      return value instanceof SafeHtml ? value.value : escapeHtml(value === undefined ? part : String(value));
    })
    .join('');
  return new SafeHtml(markup);
}

/** Whether a string is a catalog key (zod rules of our own carry one as their message). */
export function isUiKey(value: string): value is UiKey {
  return Object.hasOwn(uiFr, value);
}

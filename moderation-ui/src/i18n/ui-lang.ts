import type { FastifyRequest } from 'fastify';
import type { Lang } from '@relais/core';
import type { SafeHtml } from '../views/html.js';
import { DEFAULT_UI_LANG, translate, translateHtml, type UiHtmlParams, type UiKey, type UiParams } from './catalog.js';

/**
 * The language a moderation UI response is written in. The staff and partners are French-speaking,
 * so it is French for everyone for now; this is the one place to change when the UI offers a choice.
 */
export function uiLang(_request: FastifyRequest): Lang {
  return DEFAULT_UI_LANG;
}

/** A catalog message in the language of `request`'s response. */
export function t(request: FastifyRequest, key: UiKey, params: UiParams = {}): string {
  return translate(uiLang(request), key, params);
}

/** A catalog message with markup inside, in the language of `request`'s response (see `translateHtml`). */
export function tHtml(request: FastifyRequest, key: UiKey, params: UiHtmlParams): SafeHtml {
  return translateHtml(uiLang(request), key, params);
}

import { RelaisError, type Lang } from '@relais/core';
import { DEFAULT_UI_LANG, translate, type UiKey, type UiParams } from '../i18n/catalog.js';

/**
 * An error the API answers with: an HTTP status, a stable `code` (clients branch on it) and a
 * catalog message that says what to do, rendered in the reader's language (`message` holds the
 * default language's, for logs and the CLI). `details` carries ids and numbers only, never report content.
 */
export class HttpError extends RelaisError {
  constructor(
    readonly status: number,
    code: string,
    readonly key: UiKey,
    readonly params: UiParams = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(code, translate(DEFAULT_UI_LANG, key, params));
  }

  /** The message in `lang`. */
  messageIn(lang: Lang): string {
    return translate(lang, this.key, this.params);
  }
}

/** What a 404 is about. */
type NotFoundSubject = 'report' | 'partner' | 'account' | 'safePlace' | 'digest' | 'route';

/** 404 for anything a caller may not know exists: unknown, out of scope and unreleased look alike. */
export function notFound(what: NotFoundSubject = 'report'): HttpError {
  return new HttpError(404, 'NOT_FOUND', `error.notFound.${what}`);
}

/** 403 for a role that may not use a route. */
export function forbidden(): HttpError {
  return new HttpError(403, 'FORBIDDEN', 'error.forbidden');
}

import { RelaisError } from '@relais/core';

/**
 * An error the API answers with: an HTTP status, a stable `code` (clients branch on it) and a
 * message that says what to do. `details` carries ids and numbers only, never report content.
 */
export class HttpError extends RelaisError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(code, message);
  }
}

/** 404 for anything a caller may not know exists: unknown, out of scope and unreleased look alike. */
export function notFound(what = 'report'): HttpError {
  return new HttpError(404, 'NOT_FOUND', `No such ${what}, or you do not have access to it.`);
}

/** 403 for a role that may not use a route. */
export function forbidden(message = 'Your account cannot do this.'): HttpError {
  return new HttpError(403, 'FORBIDDEN', message);
}

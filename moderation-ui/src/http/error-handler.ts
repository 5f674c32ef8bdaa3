import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { uiLang } from '../i18n/ui-lang.js';
import { errorPage } from '../views/error-page.js';
import { HttpError, notFound } from './http-error.js';
import { isFormPost, returnTo } from './respond.js';

function send(request: FastifyRequest, reply: FastifyReply, error: HttpError) {
  const { status, code, details } = error;
  const message = error.messageIn(uiLang(request));
  const page =
    isFormPost(request) ||
    (request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html'));
  if (status === 429 && typeof details?.retryAfter === 'number')
    reply.header('retry-after', String(details.retryAfter));
  if (page) {
    const typed = (request.body as Record<string, unknown> | undefined)?.anonymisedText;
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        errorPage(request, status, code, message, returnTo(request), typeof typed === 'string' ? typed : undefined),
      );
  }
  return reply.code(status).send({ error: code, message, ...(details ?? {}) });
}

/**
 * Catches at the edge: `HttpError`s (validation errors included) become their status and stable
 * code with a catalog message (JSON for API clients, a page for forms), Fastify's own 4xx keep
 * their status and code, anything else is a logged 500 that says nothing about the data.
 */
export function errorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return send(request, reply, error);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = error.code ?? 'BAD_REQUEST';
      return send(request, reply, new HttpError(status, code, 'error.requestRefused', { code }));
    }
    request.log.error(
      { err: { message: error.message, stack: error.stack }, route: request.routeOptions.url },
      'request failed',
    );
    return send(request, reply, new HttpError(500, 'INTERNAL', 'error.internal'));
  });
  app.setNotFoundHandler(async (request, reply) => send(request, reply, notFound('route')));
}

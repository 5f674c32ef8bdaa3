import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorPage } from '../views/error-page.js';
import { HttpError } from './http-error.js';
import { isFormPost, returnTo } from './respond.js';

function send(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string, details?: Record<string, unknown>) {
  const page = isFormPost(request) || (request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html'));
  if (status === 429 && typeof details?.retryAfter === 'number') reply.header('retry-after', String(details.retryAfter));
  if (page) {
    const typed = (request.body as Record<string, unknown> | undefined)?.anonymisedText;
    return reply.code(status).type('text/html; charset=utf-8').send(errorPage(request, status, code, message, returnTo(request), typeof typed === 'string' ? typed : undefined));
  }
  return reply.code(status).send({ error: code, message, ...(details ?? {}) });
}

/**
 * Catches at the edge: `HttpError`s become their status and stable code (JSON for API clients, a
 * page for forms), Fastify's own 4xx keep theirs, anything else is a logged 500 that says nothing
 * about the data.
 */
export function errorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return send(request, reply, error.status, error.code, error.message, error.details);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return send(request, reply, status, error.code ?? 'BAD_REQUEST', error.message);
    request.log.error({ err: { message: error.message, stack: error.stack }, route: request.routeOptions.url }, 'request failed');
    return send(request, reply, 500, 'INTERNAL', 'Something went wrong on our side; nothing was changed. Try again, and tell an admin if it persists.');
  });
  app.setNotFoundHandler(async (request, reply) => send(request, reply, 404, 'NOT_FOUND', 'No such page or API route.'));
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SafeHtml } from '../views/html.js';

/** Whether the request is an HTML form submission (it gets a redirect or an error page, not JSON). */
export function isFormPost(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}

/** A local path to go back to (`/…`, never `//host` or a scheme), else `fallback`. */
export function safeReturn(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}

/** Where a form asked to go back to (`_return`), validated. */
export function returnTo(request: FastifyRequest, fallback = '/'): string {
  return safeReturn((request.body as Record<string, unknown> | undefined)?._return, fallback);
}

/** Answers a state change: a 303 back to the form's page for HTML forms, `json` for API clients. */
export function done(request: FastifyRequest, reply: FastifyReply, json: unknown, fallback = '/'): FastifyReply {
  if (isFormPost(request)) return reply.redirect(returnTo(request, fallback), 303);
  return reply.send(json);
}

/** Sends a rendered page (`htmlPage` in the route's response schema). */
export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page.value);
}

/** Sends a CSV download named `filename` (`csvFile` in the route's response schema). */
export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { detectLang, type Lang, type Logger } from '@relais/core';
import { followUpPage } from './follow-up-page.js';
import type { FollowUpService } from './follow-up-service.js';
import type { FollowUpSessions } from './follow-up-sessions.js';
import { FOLLOW_UP_CSS } from './follow-up-styles.js';

const publicDir = fileURLToPath(new URL('../../../public/', import.meta.url));

/** Body of `POST /report/follow/session`. */
const followUpSignIn = z.object({ reference: z.string().max(40), phrase: z.string().max(400) });
/** Body of `POST /report/follow/messages`. */
const followUpAnswer = z.object({ text: z.string().trim().min(1).max(4_000) });

/** What the follow-up routes need. */
interface FollowUpRoutesDeps {
  readonly service: FollowUpService;
  readonly sessions: FollowUpSessions;
  readonly logger: Logger;
}

const langOf = (request: FastifyRequest): Lang =>
  detectLang({ chosen: (request.query as { lang?: string }).lang, tag: request.headers['accept-language'] });

const bearer = (request: FastifyRequest): string | undefined =>
  /^Bearer ([A-Za-z0-9_-]+)$/.exec(request.headers.authorization ?? '')?.[1];

/** A JSON refusal: a stable code, a message for developers (the page words it for people). */
const refuse = (reply: FastifyReply, status: number, error: string, message: string) =>
  reply.code(status).send({ error, message });

const throttled = (reply: FastifyReply, seconds: number, error: string, message: string) =>
  reply.code(429).header('retry-after', String(seconds)).send({ error, message, retryAfterSeconds: seconds });

/**
 * The web follow-up (no account, no cookie): `GET /report/follow` (the page, strict CSP),
 * `/follow.js`, `/follow.css`, and its JSON API: `POST /report/follow/session` (reference + phrase →
 * a bearer token; 401 `INVALID_CREDENTIALS` alike for unknown reference and wrong phrase; 429 with
 * `Retry-After` after repeated failures), then with `Authorization: Bearer <token>`:
 * `GET /report/follow/report`, `POST /report/follow/messages`, `POST /report/follow/erasure`,
 * `DELETE /report/follow/session`. Request bodies are never logged.
 */
export function followUpRoutes(app: FastifyInstance, deps: FollowUpRoutesDeps): void {
  const script = readFileSync(`${publicDir}follow.js`, 'utf8');
  const log = deps.logger;
  const json = { bodyLimit: 16_384 };

  const guarded =
    <R extends FastifyRequest>(handler: (request: R, reply: FastifyReply) => Promise<unknown>) =>
    async (request: R, reply: FastifyReply) => {
      reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
      try {
        return await handler(request, reply);
      } catch (error) {
        log.error(
          { errorName: (error as Error)?.name, errorMessage: (error as Error)?.message },
          'follow-up request failed',
        );
        return refuse(reply, 503, 'UNAVAILABLE', 'the follow-up is unavailable for a moment; try again');
      }
    };

  /** The report a request's token opens, or a 401 already sent. */
  const signedIn = async (request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> => {
    const reportId = await deps.sessions.find(bearer(request));
    if (!reportId) refuse(reply, 401, 'SESSION_EXPIRED', 'sign in again with the reference and the secret phrase');
    return reportId;
  };

  app.get('/report/follow', (request, reply) =>
    reply
      .header(
        'content-security-policy',
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      )
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(followUpPage(langOf(request))),
  );
  app.get('/follow.js', (_request, reply) =>
    reply
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .type('text/javascript; charset=utf-8')
      .send(script),
  );
  app.get('/follow.css', (_request, reply) =>
    reply
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .type('text/css; charset=utf-8')
      .send(FOLLOW_UP_CSS),
  );

  app.post(
    '/report/follow/session',
    json,
    guarded(async (request, reply) => {
      const body = followUpSignIn.safeParse(request.body);
      if (!body.success)
        return refuse(reply, 400, 'BAD_REQUEST', 'send JSON { "reference": "K7QF-M3XA", "phrase": "five words …" }');
      const outcome = await deps.service.signIn(body.data.reference, body.data.phrase, request.ip);
      if (outcome.kind === 'throttled')
        return throttled(
          reply,
          outcome.retryAfterSeconds,
          'TOO_MANY_ATTEMPTS',
          'too many wrong secrets; wait before trying again',
        );
      if (outcome.kind === 'refused')
        return refuse(reply, 401, 'INVALID_CREDENTIALS', 'unknown reference or wrong secret phrase');
      return reply.code(201).send({ token: outcome.token, expiresInSeconds: outcome.expiresInSeconds });
    }),
  );

  app.delete(
    '/report/follow/session',
    guarded(async (request, reply) => {
      const token = bearer(request);
      if (token) await deps.sessions.close(token);
      return reply.code(204).send();
    }),
  );

  app.get(
    '/report/follow/report',
    guarded(async (request, reply) => {
      const reportId = await signedIn(request, reply);
      if (!reportId) return reply;
      const view = await deps.service.view(reportId);
      if (!view) return refuse(reply, 401, 'SESSION_EXPIRED', 'this report no longer exists; sign in again');
      return reply.send(view);
    }),
  );

  app.post(
    '/report/follow/messages',
    json,
    guarded(async (request, reply) => {
      const reportId = await signedIn(request, reply);
      if (!reportId) return reply;
      const body = followUpAnswer.safeParse(request.body);
      if (!body.success)
        return refuse(reply, 400, 'BAD_REQUEST', 'send JSON { "text": "…" } with 1 to 4000 characters');
      const outcome = await deps.service.answer(reportId, body.data.text);
      if (outcome === 'erased')
        return refuse(reply, 409, 'REPORT_ERASED', 'the report was erased: nothing can be added to it');
      if (!('stored' in outcome))
        return throttled(
          reply,
          outcome.retryAfterSeconds,
          'TOO_MANY_MESSAGES',
          'too many messages; wait before sending more',
        );
      // `urgent`: the answer said the person is in danger now; the page shows the emergency guidance first.
      return reply.code(201).send({ status: 'stored', urgent: outcome.urgent });
    }),
  );

  app.post(
    '/report/follow/erasure',
    guarded(async (request, reply) => {
      const token = bearer(request);
      const reportId = await signedIn(request, reply);
      if (!reportId || !token) return reply;
      const outcome = await deps.service.erase(reportId);
      await deps.sessions.close(token);
      return reply.code(202).send({ status: outcome === 'requested' ? 'erasure-requested' : 'already-erased' });
    }),
  );
}

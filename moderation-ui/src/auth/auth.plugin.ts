import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { formBody } from '../http/form-fields.js';
import { htmlPage } from '../http/response-content.js';
import { isFormPost, safeReturn, sendPage } from '../http/respond.js';
import { loginPage } from '../views/login-page.js';
import { accountRoles } from './account-schemas.js';
import { checkCredentials, type LoginDeps } from './login.js';
import { LOGIN_CSRF_COOKIE, clearSessionCookie, setLoginCsrfCookie, setSessionCookie } from './session-cookie.js';
import type { SessionStore } from './session-store.js';

const loginBody = formBody({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  totp: z.string().max(12).optional(),
  next: z.string().max(500).optional(),
});

const loginQuery = z.object({ next: z.unknown().optional() });

/** What the sign-in API needs (`login` is nested: a plugin option named `prefix` would prefix its routes). */
export interface AuthPluginOptions {
  readonly login: LoginDeps;
  readonly sessions: SessionStore;
}

/** Where each role lands after signing in. */
export function homeOf(role: string): string {
  return role === 'partner' ? '/partner' : '/staff';
}

/** The sign-in form's CSRF token: the browser's own if well formed, else a new one (set as its cookie). */
function loginToken(reply: FastifyReply, existing: string | undefined): string {
  const token = existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing) ? existing : randomBytes(24).toString('base64url');
  setLoginCsrfCookie(reply, token);
  return token;
}

/** The sign-in form, registered under `/login` (open to everyone). */
export const loginPagePlugin: FastifyPluginAsyncZod = async (app) => {
  // `no-slash`: the page is `/login` only, as before it had a prefix.
  app.get(
    '/',
    { prefixTrailingSlash: 'no-slash', schema: { querystring: loginQuery, response: { 200: htmlPage } } },
    async (request, reply) => {
      const token = loginToken(reply, request.cookies[LOGIN_CSRF_COOKIE]);
      return sendPage(reply, loginPage(request, token, safeReturn(request.query.next, '')));
    },
  );
};

/**
 * Sign-in and sign-out, registered under `/api/auth` (open to everyone; CSRF-checked like every
 * state change): `GET /csrf`, `POST /login`, `POST /logout`.
 */
export const authApiPlugin: FastifyPluginAsyncZod<AuthPluginOptions> = async (app, deps) => {
  const { db } = deps.login;

  app.get('/csrf', { schema: { response: { 200: z.object({ csrfToken: z.string() }) } } }, async (request, reply) => {
    // The login form's token (signed-in clients get their session token from /api/auth/me).
    return reply.send({ csrfToken: loginToken(reply, request.cookies[LOGIN_CSRF_COOKIE]) });
  });

  const signedIn = z.object({
    accountId: z.string(),
    role: accountRoles,
    partnerId: z.string().nullable(),
    csrfToken: z.string(),
  });
  app.post(
    '/login',
    { config: { csrf: 'login' }, schema: { body: loginBody, response: { 200: signedIn } } },
    async (request, reply) => {
      const body = request.body;
      const account = await checkCredentials(deps.login, request, body);
      // A new session id at every login (no fixation); any session this browser had ends here.
      if (request.auth) await deps.sessions.destroy(request.auth.sessionId, request.auth.accountId);
      const { id, session } = await deps.sessions.create({
        accountId: account.id,
        role: account.role,
        partnerId: account.partner_id,
      });
      setSessionCookie(reply, id);
      reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
      await recordAudit(db, {
        actorId: account.id,
        actorRole: account.role,
        action: 'auth.login.succeeded',
        partnerId: account.partner_id,
        details: { ip: request.ip },
      });
      if (isFormPost(request)) return reply.redirect(safeReturn(body.next, homeOf(account.role)), 303);
      return reply.send({
        accountId: account.id,
        role: account.role,
        partnerId: account.partner_id,
        csrfToken: session.csrf,
      });
    },
  );

  app.post('/logout', { schema: { response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request, reply) => {
    if (request.auth) {
      await deps.sessions.destroy(request.auth.sessionId, request.auth.accountId);
      await auditRequest(db, request, 'auth.logout');
    }
    clearSessionCookie(reply);
    return isFormPost(request) ? reply.redirect('/login', 303) : reply.send({ ok: true });
  });
};

import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findAccount, recordAudit, setAccountPassword, type RelaisDb } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { HttpError } from '../http/http-error.js';
import { done, isFormPost, safeReturn, sendPage } from '../http/respond.js';
import { parseBody } from '../http/parse.js';
import { accountPage } from '../views/account-page.js';
import { loginPage } from '../views/login-page.js';
import { requireRole } from './authenticate.js';
import { checkCredentials, type LoginDeps } from './login.js';
import { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from './password.js';
import { LOGIN_CSRF_COOKIE, clearSessionCookie, setLoginCsrfCookie, setSessionCookie } from './session-cookie.js';
import type { SessionStore } from './session-store.js';

const loginBody = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  totp: z.string().max(12).optional(),
  next: z.string().max(500).optional(),
});

const passwordBody = z.object({
  current: z.string().min(1).max(1024),
  next: z.string().min(MIN_PASSWORD_LENGTH, `a password has at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
});

/** Where each role lands after signing in. */
export function homeOf(role: string): string {
  return role === 'partner' ? '/partner' : '/staff';
}

/**
 * Sign-in, sign-out and password change: `GET /login`, `GET /api/auth/csrf`, `POST /api/auth/login`,
 * `POST /api/auth/logout`, `GET /api/auth/me`, `GET /account`, `POST /api/auth/password`.
 */
export function authRoutes(app: FastifyInstance, deps: LoginDeps & { sessions: SessionStore }): void {
  const db: RelaisDb = deps.db;
  const signedIn = requireRole(db, 'moderator', 'admin', 'partner');

  const loginToken = (reply: Parameters<typeof setLoginCsrfCookie>[0], existing: string | undefined) => {
    const token = existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing) ? existing : randomBytes(24).toString('base64url');
    setLoginCsrfCookie(reply, token);
    return token;
  };

  app.get('/login', async (request, reply) => {
    const token = loginToken(reply, request.cookies[LOGIN_CSRF_COOKIE]);
    const next = safeReturn((request.query as Record<string, unknown>).next, '');
    return sendPage(reply, loginPage(request, token, next));
  });

  app.get('/api/auth/csrf', async (request, reply) => {
    // The login form's token (signed-in clients get their session token from /api/auth/me).
    return reply.send({ csrfToken: loginToken(reply, request.cookies[LOGIN_CSRF_COOKIE]) });
  });

  app.post('/api/auth/login', { config: { csrf: 'login' } }, async (request, reply) => {
    const body = parseBody(loginBody, request);
    const account = await checkCredentials(deps, request, body);
    // A new session id at every login (no fixation); any session this browser had ends here.
    if (request.auth) await deps.sessions.destroy(request.auth.sessionId, request.auth.accountId);
    const { id, session } = await deps.sessions.create({ accountId: account.id, role: account.role, partnerId: account.partner_id });
    setSessionCookie(reply, id);
    reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
    await recordAudit(db, { actorId: account.id, actorRole: account.role, action: 'auth.login.succeeded', partnerId: account.partner_id, details: { ip: request.ip } });
    if (isFormPost(request)) return reply.redirect(safeReturn(body.next, homeOf(account.role)), 303);
    return reply.send({ accountId: account.id, role: account.role, partnerId: account.partner_id, csrfToken: session.csrf });
  });

  app.post('/api/auth/logout', async (request, reply) => {
    if (request.auth) {
      await deps.sessions.destroy(request.auth.sessionId, request.auth.accountId);
      await auditRequest(db, request, 'auth.logout');
    }
    clearSessionCookie(reply);
    return isFormPost(request) ? reply.redirect('/login', 303) : reply.send({ ok: true });
  });

  app.get('/api/auth/me', { preHandler: signedIn }, async (request) => {
    const auth = request.auth!;
    return { accountId: auth.accountId, role: auth.role, partnerId: auth.partnerId, displayName: auth.displayName, csrfToken: auth.session.csrf };
  });

  app.get('/account', { preHandler: signedIn }, async (request, reply) => sendPage(reply, accountPage(request)));

  app.post('/api/auth/password', { preHandler: signedIn }, async (request, reply) => {
    const auth = request.auth!;
    const body = parseBody(passwordBody, request);
    const account = await findAccount(db, auth.accountId);
    if (!account || !(await verifyPassword(account.password_hash, body.current))) {
      await auditRequest(db, request, 'auth.password.change_failed', { type: 'account', id: auth.accountId });
      throw new HttpError(403, 'WRONG_PASSWORD', 'Your current password is not right; nothing was changed.');
    }
    await setAccountPassword(db, auth.accountId, await hashPassword(body.next));
    // Every session of the account ends (stolen ones included); this browser gets a fresh one.
    await deps.sessions.destroyAll(auth.accountId);
    const { id, session } = await deps.sessions.create({ accountId: auth.accountId, role: auth.role, partnerId: auth.partnerId });
    setSessionCookie(reply, id);
    await auditRequest(db, request, 'auth.password.changed', { type: 'account', id: auth.accountId });
    return done(request, reply, { ok: true, csrfToken: session.csrf }, '/account');
  });

  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode === 401 && request.url.startsWith('/api/')) clearSessionCookie(reply);
  });
}

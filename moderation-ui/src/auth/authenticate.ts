import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { findAccountAccess, recordAudit, type AccountRole, type RelaisDb } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { HttpError, forbidden } from '../http/http-error.js';
import '../http/request-auth.js';
import { LOGIN_CSRF_COOKIE, SESSION_COOKIE, clearSessionCookie } from './session-cookie.js';
import type { SessionStore } from './session-store.js';

/** Equal-length, constant-time string comparison. */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie on every request. The account (and its partner) are re-read from
 * the database each time, so disabling an account or suspending a partner takes effect on the next
 * request. A session whose account is gone or disabled is destroyed. A session that expired (idle or
 * absolute limit) is audited as `auth.session.expired`, once, in its owner's name.
 */
export function authentication(app: FastifyInstance, deps: { db: RelaisDb; sessions: SessionStore }): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    request.auth = null;
    if (request.url.startsWith('/assets/') || request.url === '/healthz') return;
    const id = request.cookies[SESSION_COOKIE];
    if (!id) return;
    const found = await deps.sessions.lookup(id);
    if (found.state !== 'live') {
      clearSessionCookie(reply);
      if (found.state === 'expired') {
        const { accountId, role, partnerId } = found.owner;
        await recordAudit(deps.db, { actorId: accountId, actorRole: role, action: 'auth.session.expired', partnerId, details: { reason: found.reason, ip: request.ip, route: request.routeOptions.url } });
      }
      return;
    }
    const { session } = found;
    const access = await findAccountAccess(deps.db, session.accountId);
    if (!access || access.status !== 'active') {
      await deps.sessions.destroy(id, session.accountId);
      clearSessionCookie(reply);
      return;
    }
    request.auth = {
      sessionId: id,
      session,
      accountId: session.accountId,
      role: access.role,
      partnerId: access.partnerId,
      partnerActive: access.partnerStatus === 'active',
      displayName: access.displayName,
    };
  });
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection of every state change: the session's synchronizer token in `x-csrf-token` or the
 * `_csrf` form field, and no cross-site `Sec-Fetch-Site` or foreign `Origin`. Routes marked
 * `config: { csrf: 'login' }` check the login form's double-submit cookie instead.
 */
export function csrfProtection(app: FastifyInstance, deps: { db: RelaisDb }): void {
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (SAFE_METHODS.has(request.method)) return;
    const fetchSite = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    // Browsers send Sec-Fetch-Site; with our no-referrer policy their form posts say `Origin: null`,
    // so Origin is only compared when it names a site.
    const crossSite =
      fetchSite !== undefined
        ? fetchSite !== 'same-origin' && fetchSite !== 'none'
        : origin !== undefined && origin !== 'null' && originHost(origin) !== request.headers.host;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const given = (request.headers['x-csrf-token'] as string | undefined) ?? (typeof body._csrf === 'string' ? body._csrf : undefined);
    const mode = (request.routeOptions.config as { csrf?: 'login' | 'bearer' } | undefined)?.csrf;
    let expected: string | undefined;
    if (mode === 'login') expected = request.cookies[LOGIN_CSRF_COOKIE];
    else expected = request.auth?.session.csrf;
    if (crossSite || !sameToken(given, expected)) {
      await auditRequest(deps.db, request, 'authz.csrf_rejected', undefined, { crossSite });
      throw new HttpError(403, 'CSRF_REJECTED', 'This form or request is missing a valid CSRF token (or comes from another site). Reload the page and try again.');
    }
  });
}

/**
 * A pre-handler letting through signed-in accounts of `roles` only: 401 when signed out, 403
 * otherwise, and 403 for a partner account whose partner is suspended. Every refusal is audited as
 * `authz.denied`, a signed-out one (401, or the sign-in redirect of a page) with reason `signed_out`.
 */
export function requireRole(db: RelaisDb, ...roles: AccountRole[]): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = request.auth;
    if (!auth) {
      await auditRequest(db, request, 'authz.denied', undefined, { reason: 'signed_out' });
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first (POST /api/auth/login).');
    }
    if (!roles.includes(auth.role)) {
      await auditRequest(db, request, 'authz.denied', undefined, { reason: 'role', required: roles });
      throw forbidden();
    }
    if (auth.role === 'partner' && !auth.partnerActive) {
      await auditRequest(db, request, 'authz.denied', undefined, { reason: 'partner_suspended' });
      throw new HttpError(403, 'PARTNER_SUSPENDED', "Your organisation's access is suspended. Contact the association.");
    }
  };
}

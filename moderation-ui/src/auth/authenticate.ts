import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findAccountAccess, recordAudit, type RelaisDb } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { HttpError } from '../http/http-error.js';
import '../http/request-auth.js';
import { LOGIN_CSRF_COOKIE, SESSION_COOKIE, clearSessionCookie } from './session-cookie.js';
import { decorateAccount } from './role-guard.js';
import { sameToken } from './same-token.js';
import type { SessionStore } from './session-store.js';

/**
 * Resolves the session cookie on every request. The account (and its partner) are re-read from
 * the database each time, so disabling an account or suspending a partner takes effect on the next
 * request. A session whose account is gone or disabled is destroyed. A session that expired (idle or
 * absolute limit) is audited as `auth.session.expired`, once, in its owner's name. An API answer 401
 * clears the session cookie.
 */
export function authentication(app: FastifyInstance, deps: { db: RelaisDb; sessions: SessionStore }): void {
  app.decorateRequest('auth', null);
  decorateAccount(app);
  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode === 401 && request.url.startsWith('/api/')) clearSessionCookie(reply);
  });
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
        await recordAudit(deps.db, {
          actorId: accountId,
          actorRole: role,
          action: 'auth.session.expired',
          partnerId,
          details: { reason: found.reason, ip: request.ip, route: request.routeOptions.url },
        });
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
 * `config: { csrf: 'login' }` check the login form's double-submit cookie instead. It runs before
 * the role hooks and before validation.
 */
export function csrfProtection(app: FastifyInstance, deps: { db: RelaisDb }): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
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
    const given =
      (request.headers['x-csrf-token'] as string | undefined) ??
      (typeof body._csrf === 'string' ? body._csrf : undefined);
    const mode = (request.routeOptions.config as { csrf?: 'login' | 'bearer' } | undefined)?.csrf;
    let expected: string | undefined;
    if (mode === 'login') expected = request.cookies[LOGIN_CSRF_COOKIE];
    else expected = request.auth?.session.csrf;
    if (crossSite || !sameToken(given, expected)) {
      await auditRequest(deps.db, request, 'authz.csrf_rejected', undefined, { crossSite });
      throw new HttpError(403, 'CSRF_REJECTED', 'error.csrfRejected');
    }
  });
}

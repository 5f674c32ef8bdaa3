import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountRole, RelaisDb } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { HttpError, forbidden } from '../http/http-error.js';
import type { PartnerAuth, RequestAuth } from '../http/request-auth.js';
import { sameToken } from './same-token.js';

/** Staff roles: moderators and admins. */
export const STAFF_ROLES: readonly AccountRole[] = ['moderator', 'admin'];

/** Every role that may sign in. */
export const ANY_ROLE: readonly AccountRole[] = ['moderator', 'admin', 'partner'];

const guarded = new WeakMap<FastifyRequest, RequestAuth>();

/** Declares `request.account` (once, on the root instance): set by a role hook, else it throws. */
export function decorateAccount(app: FastifyInstance): void {
  app.decorateRequest('account', {
    getter(this: FastifyRequest) {
      const account = guarded.get(this);
      if (!account)
        throw new Error(
          `request.account read on ${this.routeOptions.url ?? this.url}, a route without a role hook: register it in a plugin guarded by roleGuard()`,
        );
      return account;
    },
  });
}

/** What a role hook lets through besides a signed-in account of its roles. */
interface RoleGuardOptions {
  /** A bearer token that also passes (the development API token); `request.account` is then unset. */
  readonly bearerToken?: string | undefined;
}

/**
 * The role hook of a guarded plugin (`app.addHook('preValidation', roleGuard(db, roles))`): lets
 * through signed-in accounts of `roles` only, and sets `request.account` for the plugin's routes.
 * 401 when signed out (a page redirects to the sign-in form instead), 403 for another role, 403
 * `PARTNER_SUSPENDED` for a partner account whose partner is suspended. Every refusal is audited as
 * `authz.denied`, a signed-out one with reason `signed_out`. It runs before validation, after the
 * CSRF check, so a caller without access learns nothing from a schema's answer.
 */
export function roleGuard(db: RelaisDb, roles: readonly AccountRole[], options: RoleGuardOptions = {}) {
  return async function checkRole(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (options.bearerToken && sameToken(request.headers.authorization, `Bearer ${options.bearerToken}`)) return;
    const auth = request.auth;
    if (!auth) {
      await auditRequest(db, request, 'authz.denied', undefined, { reason: 'signed_out' });
      if (request.method === 'GET' && !request.url.startsWith('/api/'))
        return void reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      throw new HttpError(401, 'UNAUTHENTICATED', 'error.unauthenticated');
    }
    if (!roles.includes(auth.role)) {
      await auditRequest(db, request, 'authz.denied', undefined, { reason: 'role', required: roles });
      throw forbidden();
    }
    if (auth.role === 'partner' && !auth.partnerActive) {
      await auditRequest(db, request, 'authz.denied', undefined, { reason: 'partner_suspended' });
      throw new HttpError(403, 'PARTNER_SUSPENDED', 'error.partnerSuspended');
    }
    guarded.set(request, auth);
  };
}

/** The caller of a route of a plugin guarded by `roleGuard(db, ['partner'])`. */
export function partnerAccount(request: FastifyRequest): PartnerAuth {
  const account = request.account;
  if (account.role !== 'partner' || account.partnerId === null) throw forbidden();
  return account as PartnerAuth;
}

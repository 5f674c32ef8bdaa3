import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findAccount, setAccountPassword, type RelaisDb } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { formBody } from '../http/form-fields.js';
import { htmlPage } from '../http/response-content.js';
import { HttpError } from '../http/http-error.js';
import { done, sendPage } from '../http/respond.js';
import { accountPage } from '../views/account-page.js';
import { accountRoles } from './account-schemas.js';
import { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from './password.js';
import { ANY_ROLE, roleGuard } from './role-guard.js';
import { setSessionCookie } from './session-cookie.js';
import type { SessionStore } from './session-store.js';

const passwordBody = formBody({
  current: z.string().min(1).max(1024),
  next: z.string().min(MIN_PASSWORD_LENGTH, 'validation.passwordLength').max(1024),
});

/** What the account API needs. */
export interface AccountPluginOptions {
  readonly db: RelaisDb;
  readonly sessions: SessionStore;
}

/** The signed-in account's page, registered under `/account`, any role (one role hook). */
export const accountPagePlugin: FastifyPluginAsyncZod<{ readonly db: RelaisDb }> = async (app, { db }) => {
  app.addHook('preValidation', roleGuard(db, ANY_ROLE));
  // `no-slash`: the page is `/account` only, as before it had a prefix.
  app.get('/', { prefixTrailingSlash: 'no-slash', schema: { response: { 200: htmlPage } } }, async (request, reply) =>
    sendPage(reply, accountPage(request)),
  );
};

/**
 * The signed-in account's API, registered under `/api/auth` beside sign-in, any role (one role
 * hook): `GET /me`, `POST /password`.
 */
export const accountApiPlugin: FastifyPluginAsyncZod<AccountPluginOptions> = async (app, deps) => {
  const { db } = deps;
  app.addHook('preValidation', roleGuard(db, ANY_ROLE));

  const me = z.object({
    accountId: z.string(),
    role: accountRoles,
    partnerId: z.string().nullable(),
    displayName: z.string(),
    csrfToken: z.string(),
  });
  app.get('/me', { schema: { response: { 200: me } } }, async (request) => {
    const { account } = request;
    return {
      accountId: account.accountId,
      role: account.role,
      partnerId: account.partnerId,
      displayName: account.displayName,
      csrfToken: account.session.csrf,
    };
  });

  app.post(
    '/password',
    { schema: { body: passwordBody, response: { 200: z.object({ ok: z.literal(true), csrfToken: z.string() }) } } },
    async (request, reply) => {
      const { account: auth, body } = request;
      const account = await findAccount(db, auth.accountId);
      if (!account || !(await verifyPassword(account.password_hash, body.current))) {
        await auditRequest(db, request, 'auth.password.change_failed', { type: 'account', id: auth.accountId });
        throw new HttpError(403, 'WRONG_PASSWORD', 'error.wrongPassword');
      }
      await setAccountPassword(db, auth.accountId, await hashPassword(body.next));
      // Every session of the account ends (stolen ones included); this browser gets a fresh one.
      await deps.sessions.destroyAll(auth.accountId);
      const { id, session } = await deps.sessions.create({
        accountId: auth.accountId,
        role: auth.role,
        partnerId: auth.partnerId,
      });
      setSessionCookie(reply, id);
      await auditRequest(db, request, 'auth.password.changed', { type: 'account', id: auth.accountId });
      return done(request, reply, { ok: true, csrfToken: session.csrf }, '/account');
    },
  );
};

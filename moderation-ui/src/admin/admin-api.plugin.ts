import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queue } from 'bullmq';
import type { Keyring } from '@relais/core';
import {
  createPartner,
  createSafePlace,
  findPartner,
  listAccounts,
  listAudit,
  listPartners,
  listSafePlaces,
  setAccountStatus,
  setPartnerStatus,
  setSafePlaceActive,
  updatePartnerScope,
  type RelaisDb,
} from '@relais/db';
import { provisionAccount } from '../accounts/provision-account.js';
import { auditRequest } from '../audit/audit-request.js';
import { roleGuard } from '../auth/role-guard.js';
import type { SessionStore } from '../auth/session-store.js';
import { formBody } from '../http/form-fields.js';
import { htmlPage } from '../http/response-content.js';
import { HttpError, notFound } from '../http/http-error.js';
import { done, isFormPost, sendPage } from '../http/respond.js';
import { accountsPage } from '../views/admin-pages.js';
import { requestDigest } from './request-digest.js';
import {
  accountAnswer,
  accountBody,
  auditQuery,
  createdAccountAnswer,
  digestRequestBody,
  partnerBody,
  rowsAnswer,
  safePlaceBody,
  scopeBody,
  scopeOf,
  storedRow,
} from './admin-schemas.js';
import { auditFilter } from './audit-filter.js';

const idParams = z.object({ id: z.uuid() });
const partnerStatusBody = formBody({ status: z.enum(['active', 'suspended']) });
const accountStatusBody = formBody({ status: z.enum(['active', 'disabled']) });
const safePlaceActiveBody = formBody({
  active: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

/** What the admin plugins need. */
export interface AdminPluginOptions {
  readonly db: RelaisDb;
  readonly keyring: Keyring;
  readonly sessions: SessionStore;
  readonly digests: Queue;
}

/**
 * The admin API, registered under `/api/admin`: partners and scopes, suspensions, accounts, safe
 * places and the audit log (each change audited), behind one role hook (admins only). A form post
 * is answered with a redirect to its page (or, for a new account, the page with its secrets).
 */
export const adminApiPlugin: FastifyPluginAsyncZod<AdminPluginOptions> = async (app, deps) => {
  const { db } = deps;
  app.addHook('preValidation', roleGuard(db, ['admin']));

  app.get('/partners', { schema: { response: { 200: rowsAnswer } } }, async () => ({ items: await listPartners(db) }));

  app.post(
    '/partners',
    { schema: { body: partnerBody, response: { 200: z.object({ partner: storedRow }) } } },
    async (request, reply) => {
      const { body } = request;
      const scope = scopeOf(body.postalCodes, body.tunnels);
      if (scope.length === 0) throw new HttpError(400, 'EMPTY_SCOPE', 'error.emptyScopeNew');
      const partner = await createPartner(db, {
        slug: body.slug,
        name: body.name,
        scope,
        digestEmails: body.digestEmails,
      });
      await auditRequest(db, request, 'admin.partner_created', { type: 'partner', id: partner.id });
      return done(request, reply, { partner }, '/admin/partners');
    },
  );

  app.post(
    '/partners/:id/scope',
    { schema: { params: idParams, body: scopeBody, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request, reply) => {
      const { id } = request.params;
      const { body } = request;
      if (!(await findPartner(db, id))) throw notFound('partner');
      const scope = scopeOf(body.postalCodes, body.tunnels);
      if (scope.length === 0) throw new HttpError(400, 'EMPTY_SCOPE', 'error.emptyScopeEdit');
      await updatePartnerScope(db, id, scope, body.digestEmails);
      await auditRequest(
        db,
        request,
        'admin.partner_scope_changed',
        { type: 'partner', id },
        { postalCodes: body.postalCodes, tunnels: body.tunnels },
      );
      return done(request, reply, { ok: true }, '/admin/partners');
    },
  );

  app.post(
    '/partners/:id/digests',
    {
      schema: {
        params: idParams,
        body: digestRequestBody,
        response: { 200: z.object({ queued: z.literal(true), isoWeek: z.string() }) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { isoWeek } = request.body;
      const partner = await findPartner(db, id);
      if (!partner) throw notFound('partner');
      await requestDigest(deps.digests, partner, isoWeek);
      await auditRequest(db, request, 'admin.digest_requested', { type: 'partner', id }, { isoWeek });
      return done(request, reply, { queued: true, isoWeek }, '/admin/partners');
    },
  );

  app.post(
    '/partners/:id/status',
    {
      schema: {
        params: idParams,
        body: partnerStatusBody,
        response: { 200: z.object({ status: z.enum(['active', 'suspended']) }) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { status } = request.body;
      if (!(await findPartner(db, id))) throw notFound('partner');
      await setPartnerStatus(db, id, status);
      await auditRequest(db, request, status === 'suspended' ? 'admin.partner_suspended' : 'admin.partner_restored', {
        type: 'partner',
        id,
      });
      return done(request, reply, { status }, '/admin/partners');
    },
  );

  app.get('/accounts', { schema: { response: { 200: z.object({ items: z.array(accountAnswer) }) } } }, async () => ({
    items: (await listAccounts(db)).map(({ password_hash: _h, totp_secret_enc: _t, ...a }) => a),
  }));

  app.post(
    '/accounts',
    { schema: { body: accountBody, response: { 200: htmlPage, 201: createdAccountAnswer } } },
    async (request, reply) => {
      const { body } = request;
      if ((body.role === 'partner') !== Boolean(body.partnerId))
        throw new HttpError(400, 'PARTNER_REQUIRED', 'error.partnerRequired');
      const created = await provisionAccount(db, deps.keyring, {
        email: body.email,
        displayName: body.displayName,
        role: body.role,
        partnerId: body.partnerId ?? null,
      }).catch((error: unknown) => {
        if (String((error as { code?: string }).code) === '23505')
          throw new HttpError(409, 'EMAIL_TAKEN', 'error.emailTaken');
        throw error;
      });
      await auditRequest(
        db,
        request,
        'admin.account_created',
        { type: 'account', id: created.account.id },
        { role: body.role },
      );
      const secrets = {
        accountId: created.account.id,
        initialPassword: created.initialPassword,
        totpSecret: created.totpSecret,
        otpauthUri: created.otpauthUri,
      };
      if (isFormPost(request))
        return sendPage(reply, accountsPage(request, await listAccounts(db), await listPartners(db), secrets));
      return reply.code(201).send(secrets);
    },
  );

  app.post(
    '/accounts/:id/status',
    {
      schema: {
        params: idParams,
        body: accountStatusBody,
        response: { 200: z.object({ status: z.enum(['active', 'disabled']) }) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { status } = request.body;
      if (!(await setAccountStatus(db, id, status))) throw notFound('account');
      if (status === 'disabled') await deps.sessions.destroyAll(id);
      await auditRequest(db, request, status === 'disabled' ? 'admin.account_disabled' : 'admin.account_enabled', {
        type: 'account',
        id,
      });
      return done(request, reply, { status }, '/admin/accounts');
    },
  );

  app.get('/safe-places', { schema: { response: { 200: rowsAnswer } } }, async () => ({
    items: await listSafePlaces(db),
  }));

  app.post(
    '/safe-places',
    { schema: { body: safePlaceBody, response: { 200: z.object({ place: storedRow }) } } },
    async (request, reply) => {
      const { _csrf: _c, _return: _r, ...body } = request.body;
      const place = await createSafePlace(db, body);
      await auditRequest(db, request, 'admin.safe_place_created', { type: 'safe_place', id: place.id });
      return done(request, reply, { place }, '/admin/safe-places');
    },
  );

  app.post(
    '/safe-places/:id/active',
    { schema: { params: idParams, body: safePlaceActiveBody, response: { 200: z.object({ active: z.boolean() }) } } },
    async (request, reply) => {
      const { id } = request.params;
      const { active } = request.body;
      if (!(await setSafePlaceActive(db, id, active))) throw notFound('safePlace');
      await auditRequest(db, request, 'admin.safe_place_changed', { type: 'safe_place', id }, { active });
      return done(request, reply, { active }, '/admin/safe-places');
    },
  );

  app.get('/audit', { schema: { querystring: auditQuery, response: { 200: rowsAnswer } } }, async (request) => ({
    items: await listAudit(db, auditFilter(request.query)),
  }));
};

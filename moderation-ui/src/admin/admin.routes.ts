import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Queue } from 'bullmq';
import type { Keyring } from '@relais/core';
import {
  createPartner,
  createSafePlace,
  findPartner,
  findPartnerScope,
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
import { requireRole } from '../auth/authenticate.js';
import type { SessionStore } from '../auth/session-store.js';
import { HttpError, notFound } from '../http/http-error.js';
import { parseBody, parseParams, parseQuery } from '../http/parse.js';
import { done, isFormPost, sendPage } from '../http/respond.js';
import { accountsPage, auditPage, partnersPage, safePlacesPage } from '../views/admin-pages.js';
import { requestDigest } from './request-digest.js';
import { accountBody, auditQuery, digestRequestBody, partnerBody, safePlaceBody, scopeBody, scopeOf } from './admin-schemas.js';

const idParams = z.object({ id: z.uuid() });
const partnerStatusBody = z.object({ status: z.enum(['active', 'suspended']) });
const accountStatusBody = z.object({ status: z.enum(['active', 'disabled']) });

/** Admin: partners and scopes, suspensions, accounts, safe places and the audit log (each change audited). */
export function adminRoutes(app: FastifyInstance, deps: { db: RelaisDb; keyring: Keyring; sessions: SessionStore; digests: Queue }): void {
  const { db } = deps;
  const admin = { preHandler: requireRole(db, 'admin') };
  const param = (request: Parameters<typeof parseParams>[1]) => parseParams(idParams, request).id;

  app.get('/api/admin/partners', admin, async () => ({ items: await listPartners(db) }));
  app.get('/admin/partners', admin, async (request, reply) => {
    const partners = await listPartners(db);
    const scopes = new Map(await Promise.all(partners.map(async (p) => [p.id, await findPartnerScope(db, p.id)] as const)));
    return sendPage(reply, partnersPage(request, partners, scopes));
  });

  app.post('/api/admin/partners', admin, async (request, reply) => {
    const body = parseBody(partnerBody, request);
    const scope = scopeOf(body.postalCodes, body.tunnels);
    if (scope.length === 0) throw new HttpError(400, 'EMPTY_SCOPE', 'Give at least one postal code or tunnel: a partner without scope would see nothing.');
    const partner = await createPartner(db, { slug: body.slug, name: body.name, scope, digestEmails: body.digestEmails });
    await auditRequest(db, request, 'admin.partner_created', { type: 'partner', id: partner.id });
    return done(request, reply, { partner }, '/admin/partners');
  });

  app.post('/api/admin/partners/:id/scope', admin, async (request, reply) => {
    const id = param(request);
    const body = parseBody(scopeBody, request);
    if (!(await findPartner(db, id))) throw notFound('partner');
    const scope = scopeOf(body.postalCodes, body.tunnels);
    if (scope.length === 0) throw new HttpError(400, 'EMPTY_SCOPE', 'Give at least one postal code or tunnel; to stop a partner seeing reports, suspend it instead.');
    await updatePartnerScope(db, id, scope, body.digestEmails);
    await auditRequest(db, request, 'admin.partner_scope_changed', { type: 'partner', id }, { postalCodes: body.postalCodes, tunnels: body.tunnels });
    return done(request, reply, { ok: true }, '/admin/partners');
  });

  app.post('/api/admin/partners/:id/digests', admin, async (request, reply) => {
    const id = param(request);
    const { isoWeek } = parseBody(digestRequestBody, request);
    const partner = await findPartner(db, id);
    if (!partner) throw notFound('partner');
    await requestDigest(deps.digests, partner, isoWeek);
    await auditRequest(db, request, 'admin.digest_requested', { type: 'partner', id }, { isoWeek });
    return done(request, reply, { queued: true, isoWeek }, '/admin/partners');
  });

  app.post('/api/admin/partners/:id/status', admin, async (request, reply) => {
    const id = param(request);
    const { status } = parseBody(partnerStatusBody, request);
    if (!(await findPartner(db, id))) throw notFound('partner');
    await setPartnerStatus(db, id, status);
    await auditRequest(db, request, status === 'suspended' ? 'admin.partner_suspended' : 'admin.partner_restored', { type: 'partner', id });
    return done(request, reply, { status }, '/admin/partners');
  });

  app.get('/api/admin/accounts', admin, async () => ({
    items: (await listAccounts(db)).map(({ password_hash: _h, totp_secret_enc: _t, ...a }) => a),
  }));
  app.get('/admin/accounts', admin, async (request, reply) => sendPage(reply, accountsPage(request, await listAccounts(db), await listPartners(db))));

  app.post('/api/admin/accounts', admin, async (request, reply) => {
    const body = parseBody(accountBody, request);
    if ((body.role === 'partner') !== Boolean(body.partnerId)) throw new HttpError(400, 'PARTNER_REQUIRED', 'A partner account needs its partner, and a staff account none.');
    const created = await provisionAccount(db, deps.keyring, { email: body.email, displayName: body.displayName, role: body.role, partnerId: body.partnerId ?? null }).catch((error: unknown) => {
      if (String((error as { code?: string }).code) === '23505') throw new HttpError(409, 'EMAIL_TAKEN', 'An account with this e-mail already exists.');
      throw error;
    });
    await auditRequest(db, request, 'admin.account_created', { type: 'account', id: created.account.id }, { role: body.role });
    const secrets = { accountId: created.account.id, initialPassword: created.initialPassword, totpSecret: created.totpSecret, otpauthUri: created.otpauthUri };
    if (isFormPost(request)) return sendPage(reply, accountsPage(request, await listAccounts(db), await listPartners(db), secrets));
    return reply.code(201).send(secrets);
  });

  app.post('/api/admin/accounts/:id/status', admin, async (request, reply) => {
    const id = param(request);
    const { status } = parseBody(accountStatusBody, request);
    if (!(await setAccountStatus(db, id, status))) throw notFound('account');
    if (status === 'disabled') await deps.sessions.destroyAll(id);
    await auditRequest(db, request, status === 'disabled' ? 'admin.account_disabled' : 'admin.account_enabled', { type: 'account', id });
    return done(request, reply, { status }, '/admin/accounts');
  });

  app.get('/api/admin/safe-places', admin, async () => ({ items: await listSafePlaces(db) }));
  app.get('/admin/safe-places', admin, async (request, reply) => sendPage(reply, safePlacesPage(request, await listSafePlaces(db))));

  app.post('/api/admin/safe-places', admin, async (request, reply) => {
    const body = parseBody(safePlaceBody, request);
    const place = await createSafePlace(db, body);
    await auditRequest(db, request, 'admin.safe_place_created', { type: 'safe_place', id: place.id });
    return done(request, reply, { place }, '/admin/safe-places');
  });

  app.post('/api/admin/safe-places/:id/active', admin, async (request, reply) => {
    const id = param(request);
    const { active } = parseBody(z.object({ active: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]) }), request);
    if (!(await setSafePlaceActive(db, id, active))) throw notFound('safe place');
    await auditRequest(db, request, 'admin.safe_place_changed', { type: 'safe_place', id }, { active });
    return done(request, reply, { active }, '/admin/safe-places');
  });

  const audit = async (request: Parameters<typeof parseQuery>[1]) => {
    const q = parseQuery(auditQuery, request);
    const filter = {
      ...q,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      to: q.to ? new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) : undefined,
    };
    return { q, items: await listAudit(db, filter) };
  };
  app.get('/api/admin/audit', admin, async (request) => ({ items: (await audit(request)).items }));
  app.get('/admin/audit', admin, async (request, reply) => {
    const { q, items } = await audit(request);
    return sendPage(reply, auditPage(request, q, items));
  });
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findPartnerScope, listAccounts, listAudit, listPartners, listSafePlaces, type RelaisDb } from '@relais/db';
import { roleGuard } from '../auth/role-guard.js';
import { htmlPage } from '../http/response-content.js';
import { sendPage } from '../http/respond.js';
import { accountsPage, auditPage, partnersPage, safePlacesPage } from '../views/admin-pages.js';
import { auditQuery } from './admin-schemas.js';
import { auditFilter } from './audit-filter.js';

/** What the admin pages need. */
export interface AdminPagesOptions {
  readonly db: RelaisDb;
}

/**
 * The admin pages, registered under `/admin`: partners, accounts, safe places and the audit log,
 * behind one role hook (admins only). Their forms post to the admin API.
 */
export const adminPagesPlugin: FastifyPluginAsyncZod<AdminPagesOptions> = async (app, { db }) => {
  app.addHook('preValidation', roleGuard(db, ['admin']));

  app.get('/partners', { schema: { response: { 200: htmlPage } } }, async (request, reply) => {
    const partners = await listPartners(db);
    const scopes = new Map(
      await Promise.all(partners.map(async (p) => [p.id, await findPartnerScope(db, p.id)] as const)),
    );
    return sendPage(reply, partnersPage(request, partners, scopes));
  });

  app.get('/accounts', { schema: { response: { 200: htmlPage } } }, async (request, reply) =>
    sendPage(reply, accountsPage(request, await listAccounts(db), await listPartners(db))),
  );

  app.get('/safe-places', { schema: { response: { 200: htmlPage } } }, async (request, reply) =>
    sendPage(reply, safePlacesPage(request, await listSafePlaces(db))),
  );

  app.get('/audit', { schema: { querystring: auditQuery, response: { 200: htmlPage } } }, async (request, reply) => {
    const q = request.query;
    return sendPage(reply, auditPage(request, q, await listAudit(db, auditFilter(q))));
  });
};

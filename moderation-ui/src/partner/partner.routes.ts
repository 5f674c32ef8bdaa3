import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DEFAULT_SMALL_COUNT_THRESHOLD } from '@relais/core';
import { exportPartnerReports, findPartnerReport, flagReport, partnerStats, searchPartnerReports, type RelaisDb } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { requireRole } from '../auth/authenticate.js';
import { notFound } from '../http/http-error.js';
import { parseBody, parseParams, parseQuery } from '../http/parse.js';
import { done, sendPage } from '../http/respond.js';
import { partnerListPage, partnerReportPage, partnerStatsPage } from '../views/partner-pages.js';
import { statsAggregatesCsv } from './aggregate-csv.js';
import { partnerCsv } from './partner-csv.js';
import { partnerReportJson } from './partner-json.js';
import { partnerQuery } from './partner-query.js';
import { publishPartnerStats, STATS_DIMENSION_LABELS } from './published-stats.js';

const idParams = z.object({ id: z.uuid() });
const flagBody = z.object({ comment: z.string().trim().min(3, 'say what still identifies someone').max(2_000) });

/**
 * The partner side. Every read goes through row-level security as `relais_partner` with the
 * partner id of the session (never from the request), plus explicit status and scope filters.
 * Anything the partner cannot see is a 404, audited as an authorisation failure.
 */
export function partnerRoutes(app: FastifyInstance, deps: { db: RelaisDb; smallCountThreshold?: number }): void {
  const { db } = deps;
  const threshold = deps.smallCountThreshold ?? DEFAULT_SMALL_COUNT_THRESHOLD;
  const partner = { preHandler: requireRole(db, 'partner') };
  const partnerIdOf = (request: FastifyRequest) => request.auth!.partnerId!;

  const findVisible = async (request: FastifyRequest) => {
    const { id } = parseParams(idParams, request);
    const report = await findPartnerReport(db, partnerIdOf(request), id);
    if (!report) {
      await auditRequest(db, request, 'authz.denied', { type: 'report', id }, { reason: 'not_visible_to_partner' });
      throw notFound();
    }
    await auditRequest(db, request, 'partner.report_viewed', { type: 'report', id });
    return report;
  };

  app.get('/api/partner/reports', partner, async (request) => {
    const q = parseQuery(partnerQuery, request);
    return { items: (await searchPartnerReports(db, partnerIdOf(request), q)).map(partnerReportJson) };
  });

  app.get('/api/partner/reports/:id', partner, async (request) => partnerReportJson(await findVisible(request)));

  app.get('/api/partner/stats', partner, async (request) => partnerStats(db, partnerIdOf(request), parseQuery(partnerQuery, request)));

  app.get('/api/partner/reports.csv', partner, async (request, reply) => {
    const q = parseQuery(partnerQuery, request);
    const rows = await exportPartnerReports(db, partnerIdOf(request), { ...q, limit: undefined, offset: undefined });
    await auditRequest(db, request, 'partner.export', { type: 'partner', id: partnerIdOf(request) }, { rows: rows.length, filters: { ...q, limit: undefined, offset: undefined } });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="relais-signalements-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(partnerCsv(rows));
  });

  // Aggregates only, small counts suppressed across every breakdown: it may leave the UI.
  app.get('/api/partner/stats.csv', partner, async (request, reply) => {
    const q = parseQuery(partnerQuery, request);
    const filters = { ...q, limit: undefined, offset: undefined };
    const published = publishPartnerStats(await partnerStats(db, partnerIdOf(request), filters), threshold);
    await auditRequest(db, request, 'partner.stats_exported', { type: 'partner', id: partnerIdOf(request) }, { filters, threshold });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="relais-statistiques-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(statsAggregatesCsv(published, STATS_DIMENSION_LABELS));
  });

  app.post('/api/partner/reports/:id/flag', partner, async (request, reply) => {
    const { id } = parseParams(idParams, request);
    const body = parseBody(flagBody, request);
    const flagId = await flagReport(db, { partnerId: partnerIdOf(request), accountId: request.auth!.accountId, reportId: id, comment: body.comment });
    if (!flagId) {
      await auditRequest(db, request, 'authz.denied', { type: 'report', id }, { reason: 'flag_not_visible_to_partner' });
      throw notFound();
    }
    await auditRequest(db, request, 'report.flagged', { type: 'report', id }, { flagId });
    return done(request, reply, { flagId }, '/partner');
  });

  app.get('/partner', partner, async (request, reply) => {
    const q = parseQuery(partnerQuery, request);
    return sendPage(reply, partnerListPage(request, q, await searchPartnerReports(db, partnerIdOf(request), q)));
  });

  app.get('/partner/stats', partner, async (request, reply) => {
    const q = parseQuery(partnerQuery, request);
    return sendPage(reply, partnerStatsPage(request, q, await partnerStats(db, partnerIdOf(request), q)));
  });

  app.get('/partner/reports/:id', partner, async (request, reply) => sendPage(reply, partnerReportPage(request, await findVisible(request))));
}

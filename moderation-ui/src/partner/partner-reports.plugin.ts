import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_SMALL_COUNT_THRESHOLD } from '@relais/core';
import {
  exportPartnerReports,
  findPartnerReport,
  flagReport,
  partnerStats,
  reportIdOfPartnerRef,
  searchPartnerReports,
  type RelaisDb,
} from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { partnerAccount } from '../auth/role-guard.js';
import { formBody } from '../http/form-fields.js';
import { csvFile, htmlPage } from '../http/response-content.js';
import { uiLang } from '../i18n/ui-lang.js';
import { notFound } from '../http/http-error.js';
import { done, sendCsv, sendPage } from '../http/respond.js';
import { partnerListPage, partnerReportPage, partnerStatsPage } from '../views/partner-pages.js';
import { statsAggregatesCsv } from './aggregate-csv.js';
import { partnerCsv } from './partner-csv.js';
import { partnerReportAnswer, partnerReportJson } from './partner-json.js';
import { partnerQuery } from './partner-query.js';
import { publishPartnerStats } from './published-stats.js';

/** A report's partner identifier (`P-3F2A-9C1D-77E0`), the only one partners get. */
const refParams = z.object({ ref: z.string().regex(/^P-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/) });
const flagBody = formBody({ comment: z.string().trim().min(3, 'validation.flagComment').max(2_000) });
const breakdown = z.array(z.object({ key: z.string(), count: z.number() })).readonly();
const statsAnswer = z.object({
  total: z.number(),
  byActType: breakdown,
  byMotive: breakdown,
  byPlaceType: breakdown,
  byReporterRole: breakdown,
  byComplaint: breakdown,
  byMonth: breakdown,
  byPostalCode: breakdown,
  byReleaseWeek: breakdown,
});

/** What the partner reports plugins need; `smallCountThreshold` defaults to 5. */
export interface PartnerReportsOptions {
  readonly db: RelaisDb;
  readonly smallCountThreshold?: number | undefined;
}

const partnerIdOf = (request: FastifyRequest) => partnerAccount(request).partnerId;

/** The audit target of a partner identifier: the report's internal id (staff side), or the identifier when no report has it. */
async function auditTarget(db: RelaisDb, ref: string) {
  const id = await reportIdOfPartnerRef(db, ref);
  return id ? { type: 'report', id } : { type: 'partner_ref', id: ref };
}

/** A released report the partner may see (audited as viewed), else a 404 audited as an authorisation failure. */
async function findVisible(db: RelaisDb, request: FastifyRequest, ref: string) {
  const report = await findPartnerReport(db, partnerIdOf(request), ref);
  const target = await auditTarget(db, ref);
  if (!report) {
    await auditRequest(db, request, 'authz.denied', target, { reason: 'not_visible_to_partner' });
    throw notFound();
  }
  await auditRequest(db, request, 'partner.report_viewed', target);
  return report;
}

/**
 * The partner API's reports, statistics, exports and flags (`/reports…`, `/stats…` under
 * `/api/partner`). Every read goes through row-level security as `relais_partner` with the
 * partner id of the session (never from the request), plus explicit status and scope filters.
 * Anything the partner cannot see is a 404, audited as an authorisation failure. Registered
 * inside the partner API plugin (its role hook).
 */
export const partnerReportsApiPlugin: FastifyPluginAsyncZod<PartnerReportsOptions> = async (app, deps) => {
  const { db } = deps;
  const threshold = deps.smallCountThreshold ?? DEFAULT_SMALL_COUNT_THRESHOLD;

  app.get(
    '/reports',
    { schema: { querystring: partnerQuery, response: { 200: z.object({ items: z.array(partnerReportAnswer) }) } } },
    async (request) => {
      const q = request.query;
      return { items: (await searchPartnerReports(db, partnerIdOf(request), q)).map(partnerReportJson) };
    },
  );

  app.get('/reports/:ref', { schema: { params: refParams, response: { 200: partnerReportAnswer } } }, async (request) =>
    partnerReportJson(await findVisible(db, request, request.params.ref)),
  );

  app.get('/stats', { schema: { querystring: partnerQuery, response: { 200: statsAnswer } } }, async (request) =>
    partnerStats(db, partnerIdOf(request), request.query),
  );

  app.get(
    '/reports.csv',
    { schema: { querystring: partnerQuery, response: { 200: csvFile } } },
    async (request, reply) => {
      const q = request.query;
      const rows = await exportPartnerReports(db, partnerIdOf(request), { ...q, limit: undefined, offset: undefined });
      await auditRequest(
        db,
        request,
        'partner.export',
        { type: 'partner', id: partnerIdOf(request) },
        { rows: rows.length, filters: { ...q, limit: undefined, offset: undefined } },
      );
      return sendCsv(reply, `relais-signalements-${new Date().toISOString().slice(0, 10)}.csv`, partnerCsv(rows));
    },
  );

  // Aggregates only, small counts suppressed across every breakdown: it may leave the UI.
  app.get(
    '/stats.csv',
    { schema: { querystring: partnerQuery, response: { 200: csvFile } } },
    async (request, reply) => {
      const q = request.query;
      const filters = { ...q, limit: undefined, offset: undefined };
      const published = publishPartnerStats(await partnerStats(db, partnerIdOf(request), filters), threshold);
      await auditRequest(
        db,
        request,
        'partner.stats_exported',
        { type: 'partner', id: partnerIdOf(request) },
        { filters, threshold },
      );
      return sendCsv(
        reply,
        `relais-statistiques-${new Date().toISOString().slice(0, 10)}.csv`,
        statsAggregatesCsv(published, uiLang(request)),
      );
    },
  );

  app.post(
    '/reports/:ref/flag',
    { schema: { params: refParams, body: flagBody, response: { 200: z.object({ flagId: z.string() }) } } },
    async (request, reply) => {
      const { ref } = request.params;
      const { body } = request;
      const flag = await flagReport(db, {
        partnerId: partnerIdOf(request),
        accountId: request.account.accountId,
        partnerRef: ref,
        comment: body.comment,
      });
      if (!flag) {
        await auditRequest(db, request, 'authz.denied', await auditTarget(db, ref), {
          reason: 'flag_not_visible_to_partner',
        });
        throw notFound();
      }
      const { flagId } = flag;
      await auditRequest(db, request, 'report.flagged', { type: 'report', id: flag.reportId }, { flagId });
      return done(request, reply, { flagId }, '/partner');
    },
  );
};

/**
 * The partner pages of released reports (`/partner`, `/partner/stats`, `/partner/reports/:id`),
 * read like the API's, under row-level security. Registered inside the partner pages plugin.
 */
export const partnerReportsPagePlugin: FastifyPluginAsyncZod<PartnerReportsOptions> = async (app, { db }) => {
  // `no-slash`: the list is `/partner` only, as before it had a prefix.
  app.get(
    '/',
    { prefixTrailingSlash: 'no-slash', schema: { querystring: partnerQuery, response: { 200: htmlPage } } },
    async (request, reply) => {
      const q = request.query;
      return sendPage(reply, partnerListPage(request, q, await searchPartnerReports(db, partnerIdOf(request), q)));
    },
  );

  app.get('/stats', { schema: { querystring: partnerQuery, response: { 200: htmlPage } } }, async (request, reply) => {
    const q = request.query;
    return sendPage(reply, partnerStatsPage(request, q, await partnerStats(db, partnerIdOf(request), q)));
  });

  app.get('/reports/:ref', { schema: { params: refParams, response: { 200: htmlPage } } }, async (request, reply) =>
    sendPage(reply, partnerReportPage(request, await findVisible(db, request, request.params.ref))),
  );
};

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DEFAULT_SMALL_COUNT_THRESHOLD,
  ISO_WEEK_PATTERN,
  publishDigest,
  weekBounds,
  type DigestContent,
} from '@relais/core';
import { findPartnerDigest, listDigestWeekReports, listPartnerDigests, type RelaisDb } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { partnerAccount } from '../auth/role-guard.js';
import { csvFile, htmlPage } from '../http/response-content.js';
import { notFound } from '../http/http-error.js';
import { uiLang } from '../i18n/ui-lang.js';
import { sendCsv, sendPage } from '../http/respond.js';
import { digestArchivePage, digestPage } from '../views/digest-pages.js';
import { digestAggregatesCsv } from './aggregate-csv.js';

const weekParams = z.object({ isoWeek: z.string().regex(ISO_WEEK_PATTERN) });
const digestSummary = { isoWeek: z.string(), content: z.unknown(), createdAt: z.date(), emailStatus: z.string() };
const weekReport = z.object({
  partnerRef: z.string(),
  releasedAt: z.string(),
  postalCode: z.string().nullable(),
  categories: z.array(z.string()).readonly(),
  anonymisedText: z.string().nullable(),
});

/** What the partner digest plugins need; `smallCountThreshold` defaults to 5. */
export interface PartnerDigestOptions {
  readonly db: RelaisDb;
  readonly smallCountThreshold?: number | undefined;
}

const partnerIdOf = (request: FastifyRequest) => partnerAccount(request).partnerId;

/** The partner's digest of `isoWeek` (audited as `action`), else a 404 audited as an authorisation failure. */
async function findDigest(db: RelaisDb, request: FastifyRequest, isoWeek: string, action = 'partner.digest_viewed') {
  const digest = await findPartnerDigest(db, partnerIdOf(request), isoWeek);
  if (!digest) {
    await auditRequest(
      db,
      request,
      'authz.denied',
      { type: 'digest', id: isoWeek },
      { reason: 'no_digest_of_partner' },
    );
    throw notFound('digest');
  }
  await auditRequest(db, request, action, { type: 'digest', id: isoWeek });
  return digest;
}

const weekReports = (db: RelaisDb, request: FastifyRequest, isoWeek: string) =>
  listDigestWeekReports(db, partnerIdOf(request), weekBounds(isoWeek));

/**
 * A partner's archive of weekly digests in the API (its own only, under row-level security),
 * registered under `/api/partner/digests`. A digest stores aggregates only; the week's reports are
 * read live, under the same row-level security, so a report flagged or erased since is shown to no
 * partner. Inside the partner API plugin (its role hook).
 */
export const partnerDigestApiPlugin: FastifyPluginAsyncZod<PartnerDigestOptions> = async (app, deps) => {
  const { db } = deps;
  const threshold = deps.smallCountThreshold ?? DEFAULT_SMALL_COUNT_THRESHOLD;

  // `no-slash`: the archive is `/api/partner/digests` only, as before it had a prefix.
  app.get(
    '/',
    {
      prefixTrailingSlash: 'no-slash',
      schema: { response: { 200: z.object({ items: z.array(z.object(digestSummary)) }) } },
    },
    async (request) => ({
      items: (await listPartnerDigests(db, partnerIdOf(request))).map((d) => ({
        isoWeek: d.iso_week,
        content: d.content,
        createdAt: d.created_at,
        emailStatus: d.email_status,
      })),
    }),
  );

  app.get('/:isoWeek.csv', { schema: { params: weekParams, response: { 200: csvFile } } }, async (request, reply) => {
    const d = await findDigest(db, request, request.params.isoWeek, 'partner.digest_exported');
    return sendCsv(
      reply,
      `relais-synthese-${d.iso_week}.csv`,
      digestAggregatesCsv(publishDigest(d.content as unknown as DigestContent, threshold), uiLang(request)),
    );
  });

  const digestAnswer = z.object({ ...digestSummary, reports: z.array(weekReport) });
  app.get('/:isoWeek', { schema: { params: weekParams, response: { 200: digestAnswer } } }, async (request) => {
    const d = await findDigest(db, request, request.params.isoWeek);
    return {
      isoWeek: d.iso_week,
      content: d.content,
      createdAt: d.created_at,
      emailStatus: d.email_status,
      reports: await weekReports(db, request, d.iso_week),
    };
  });
};

/** The digest pages, registered under `/partner/digests`: the archive and one digest (inside the partner pages plugin). */
export const partnerDigestPagePlugin: FastifyPluginAsyncZod<PartnerDigestOptions> = async (app, { db }) => {
  // `no-slash`: the archive is `/partner/digests` only, as before it had a prefix.
  app.get('/', { prefixTrailingSlash: 'no-slash', schema: { response: { 200: htmlPage } } }, async (request, reply) =>
    sendPage(reply, digestArchivePage(request, await listPartnerDigests(db, partnerIdOf(request)))),
  );

  app.get('/:isoWeek', { schema: { params: weekParams, response: { 200: htmlPage } } }, async (request, reply) => {
    const d = await findDigest(db, request, request.params.isoWeek);
    return sendPage(reply, digestPage(request, d, await weekReports(db, request, d.iso_week)));
  });
};

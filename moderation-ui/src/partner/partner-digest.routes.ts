import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DEFAULT_SMALL_COUNT_THRESHOLD, ISO_WEEK_PATTERN, publishDigest, weekBounds, type DigestContent } from '@relais/core';
import { findPartnerDigest, listDigestWeekReports, listPartnerDigests, type RelaisDb } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { requireRole } from '../auth/authenticate.js';
import { notFound } from '../http/http-error.js';
import { parseParams } from '../http/parse.js';
import { sendPage } from '../http/respond.js';
import { digestArchivePage, digestPage } from '../views/digest-pages.js';
import { digestAggregatesCsv } from './aggregate-csv.js';

const weekParams = z.object({ isoWeek: z.string().regex(ISO_WEEK_PATTERN) });

/** What the partner digest routes need; `smallCountThreshold` defaults to 5. */
export interface PartnerDigestRoutesDeps {
  readonly db: RelaisDb;
  readonly smallCountThreshold?: number;
}

/**
 * A partner's archive of weekly digests (its own only, under row-level security). A digest
 * stores aggregates only; the week's reports a page lists are read live, under the same
 * row-level security, so a report flagged or erased since is shown to no partner.
 */
export function partnerDigestRoutes(app: FastifyInstance, deps: PartnerDigestRoutesDeps): void {
  const { db } = deps;
  const threshold = deps.smallCountThreshold ?? DEFAULT_SMALL_COUNT_THRESHOLD;
  const partner = { preHandler: requireRole(db, 'partner') };
  const partnerIdOf = (request: FastifyRequest) => request.auth!.partnerId!;

  app.get('/api/partner/digests', partner, async (request) => ({
    items: (await listPartnerDigests(db, partnerIdOf(request))).map((d) => ({ isoWeek: d.iso_week, content: d.content, createdAt: d.created_at, emailStatus: d.email_status })),
  }));
  app.get('/partner/digests', partner, async (request, reply) => sendPage(reply, digestArchivePage(request, await listPartnerDigests(db, partnerIdOf(request)))));

  const find = async (request: FastifyRequest, action = 'partner.digest_viewed') => {
    const { isoWeek } = parseParams(weekParams, request);
    const digest = await findPartnerDigest(db, partnerIdOf(request), isoWeek);
    if (!digest) {
      await auditRequest(db, request, 'authz.denied', { type: 'digest', id: isoWeek }, { reason: 'no_digest_of_partner' });
      throw notFound('digest');
    }
    await auditRequest(db, request, action, { type: 'digest', id: isoWeek });
    return digest;
  };
  const weekReports = (request: FastifyRequest, isoWeek: string) => listDigestWeekReports(db, partnerIdOf(request), weekBounds(isoWeek));

  app.get('/api/partner/digests/:isoWeek.csv', partner, async (request, reply) => {
    const d = await find(request, 'partner.digest_exported');
    const csv = digestAggregatesCsv(publishDigest(d.content as unknown as DigestContent, threshold));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="relais-synthese-${d.iso_week}.csv"`)
      .send(csv);
  });
  app.get('/api/partner/digests/:isoWeek', partner, async (request) => {
    const d = await find(request);
    return { isoWeek: d.iso_week, content: d.content, createdAt: d.created_at, emailStatus: d.email_status, reports: await weekReports(request, d.iso_week) };
  });
  app.get('/partner/digests/:isoWeek', partner, async (request, reply) => {
    const d = await find(request);
    return sendPage(reply, digestPage(request, d, await weekReports(request, d.iso_week)));
  });
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ISO_WEEK_PATTERN } from '@relais/core';
import { findPartnerDigest, listPartnerDigests, type RelaisDb } from '@relais/db';
import { auditRequest } from '../audit/audit-request.js';
import { requireRole } from '../auth/authenticate.js';
import { notFound } from '../http/http-error.js';
import { parseParams } from '../http/parse.js';
import { sendPage } from '../http/respond.js';
import { digestArchivePage, digestPage } from '../views/digest-pages.js';

const weekParams = z.object({ isoWeek: z.string().regex(ISO_WEEK_PATTERN) });

/** A partner's archive of weekly digests (its own only, under row-level security). */
export function partnerDigestRoutes(app: FastifyInstance, deps: { db: RelaisDb }): void {
  const { db } = deps;
  const partner = { preHandler: requireRole(db, 'partner') };

  app.get('/api/partner/digests', partner, async (request) => ({
    items: (await listPartnerDigests(db, request.auth!.partnerId!)).map((d) => ({ isoWeek: d.iso_week, content: d.content, createdAt: d.created_at })),
  }));
  app.get('/partner/digests', partner, async (request, reply) => sendPage(reply, digestArchivePage(request, await listPartnerDigests(db, request.auth!.partnerId!))));

  const find = async (request: Parameters<typeof parseParams>[1]) => {
    const { isoWeek } = parseParams(weekParams, request);
    const digest = await findPartnerDigest(db, request.auth!.partnerId!, isoWeek);
    if (!digest) throw notFound('digest');
    await auditRequest(db, request, 'partner.digest_viewed', { type: 'digest', id: isoWeek });
    return digest;
  };
  app.get('/api/partner/digests/:isoWeek', partner, async (request) => {
    const d = await find(request);
    return { isoWeek: d.iso_week, content: d.content, createdAt: d.created_at };
  });
  app.get('/partner/digests/:isoWeek', partner, async (request, reply) => sendPage(reply, digestPage(request, await find(request))));
}

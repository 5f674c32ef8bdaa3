import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ACT_TYPES, REPORT_STATUSES, codesOf, parseReference, postalCode, tunnelSlug } from '@relais/core';
import { countActiveReports, countClosedReports, listStaffQueue, type RelaisDb } from '@relais/db';
import { requireRole, sameToken } from '../auth/authenticate.js';
import { parseQuery } from '../http/parse.js';
import { sendPage } from '../http/respond.js';
import { staffQueuePage } from '../views/staff-queue-page.js';

/** Query of the staff queue (API and page alike); unknown parameters are refused. */
export const queueQuery = z
  .object({
    status: z.string().transform((s) => s.split(',').filter(Boolean)).pipe(z.array(z.enum(REPORT_STATUSES))).optional(),
    tunnel: tunnelSlug.optional(),
    postalCode: postalCode.optional(),
    actType: z.enum(codesOf(ACT_TYPES)).optional(),
    /** Receipt references, comma-separated (at most 200), as a reporter quotes them. */
    reference: z
      .string()
      .max(2_000)
      .transform((s, ctx) => {
        const refs = s.split(',').filter(Boolean).map(parseReference);
        if (refs.length > 200 || refs.some((r) => r === undefined)) {
          ctx.addIssue({ code: 'custom', message: 'references look like K7QF-M3XA, comma-separated, at most 200' });
          return z.NEVER;
        }
        return refs as string[];
      })
      .optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/** Filters of the queue as the repository takes them. */
export function queueFilter(q: z.infer<typeof queueQuery>) {
  return {
    statuses: q.status,
    tunnel: q.tunnel,
    postalCode: q.postalCode,
    actType: q.actType,
    references: q.reference,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
    to: q.to ? new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) : undefined,
    limit: q.limit,
    offset: q.offset,
  };
}

const CLOSED_COUNTS_TTL = 60;

/**
 * `GET /api/staff/queue` and `GET /staff`: the queue with counts per status; `GET /api/reports`
 * (the first API, kept: staff session, or the development bearer token outside production).
 */
export function staffQueueRoutes(app: FastifyInstance, deps: { db: RelaisDb; redis: Redis; prefix: string; devApiToken: string | undefined }): void {
  const { db } = deps;
  const staffOnly = requireRole(db, 'moderator', 'admin');

  const counts = async () => {
    // Closed statuses cover most of the table: counted at most once a minute.
    const key = `${deps.prefix}:ui:closed-counts`;
    const cached = await deps.redis.get(key);
    const closed = cached ? (JSON.parse(cached) as Record<string, number>) : await countClosedReports(db);
    if (!cached) await deps.redis.set(key, JSON.stringify(closed), 'EX', CLOSED_COUNTS_TTL);
    return { ...(await countActiveReports(db)), ...closed };
  };

  const queue = async (request: FastifyRequest) => {
    const q = parseQuery(queueQuery, request);
    const [items, statusCounts] = await Promise.all([listStaffQueue(db, queueFilter(q)), counts()]);
    return { q, items, counts: statusCounts };
  };

  app.get('/api/staff/queue', { preHandler: staffOnly }, async (request) => {
    const { items, counts: c } = await queue(request);
    return { items, counts: c };
  });

  app.get('/staff', { preHandler: staffOnly }, async (request, reply) => {
    const { q, items, counts: c } = await queue(request);
    return sendPage(reply, staffQueuePage(request, q, items, c));
  });

  app.get('/api/reports', {
    preHandler: async (request, reply) => {
      if (deps.devApiToken && sameToken(request.headers.authorization, `Bearer ${deps.devApiToken}`)) return;
      return staffOnly.call(app, request, reply);
    },
  }, async (request) => {
    const q = parseQuery(queueQuery, request);
    const items = await listStaffQueue(db, queueFilter(q));
    return {
      items: items.map((r) => ({
        id: r.id,
        reference: r.reference,
        status: r.status,
        channel: r.channel,
        tunnel: r.tunnel,
        postalCode: r.postalCode,
        actTypes: r.actTypes,
        priority: r.priority,
        receivedAt: r.receivedAt.toISOString(),
        flagged: r.flagged,
      })),
    };
  });
}

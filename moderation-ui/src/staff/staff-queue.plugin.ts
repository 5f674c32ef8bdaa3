import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ACT_TYPES, REPORT_STATUSES, codesOf, parseReference, postalCode, tunnelSlug } from '@relais/core';
import { countActiveReports, countClosedReports, listStaffQueue, type RelaisDb } from '@relais/db';
import { queueItemAnswer } from './staff-schemas.js';
import { htmlPage } from '../http/response-content.js';
import { sendPage } from '../http/respond.js';
import { staffQueuePage } from '../views/staff-queue-page.js';

/** Query of the staff queue (API and page alike); unknown parameters are refused. */
export const queueQuery = z
  .object({
    status: z
      .string()
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(z.enum(REPORT_STATUSES)))
      .optional(),
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
          ctx.addIssue({ code: 'custom', message: 'validation.references' });
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

/** A parsed queue query. */
type QueueQuery = z.infer<typeof queueQuery>;

/** Filters of the queue as the repository takes them. */
export function queueFilter(q: QueueQuery) {
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

/** What the staff queue plugin needs. */
interface StaffQueueOptions {
  readonly db: RelaisDb;
  readonly redis: Redis;
  /** Prefix of Redis keys (the queue prefix). */
  readonly keyPrefix: string;
}

const queueAnswer = z.object({ items: z.array(queueItemAnswer), counts: z.record(z.string(), z.number()) });

/** The queue with counts per status, as both the API and the page show it. */
function staffQueue(deps: StaffQueueOptions) {
  const { db } = deps;
  const counts = async () => {
    // Closed statuses cover most of the table: counted at most once a minute.
    const key = `${deps.keyPrefix}:ui:closed-counts`;
    const cached = await deps.redis.get(key);
    const closed = cached ? (JSON.parse(cached) as Record<string, number>) : await countClosedReports(db);
    if (!cached) await deps.redis.set(key, JSON.stringify(closed), 'EX', CLOSED_COUNTS_TTL);
    return { ...(await countActiveReports(db)), ...closed };
  };
  return async (q: QueueQuery) => {
    const [items, statusCounts] = await Promise.all([listStaffQueue(db, queueFilter(q)), counts()]);
    return { items, counts: statusCounts };
  };
}

/** `GET /queue` of the staff API: the queue with counts per status (inside the staff API plugin). */
export const staffQueueApiPlugin: FastifyPluginAsyncZod<StaffQueueOptions> = async (app, deps) => {
  const queue = staffQueue(deps);
  app.get('/queue', { schema: { querystring: queueQuery, response: { 200: queueAnswer } } }, async (request) =>
    queue(request.query),
  );
};

/** The queue page, the root of the staff pages (`/staff`; inside the staff pages plugin). */
export const staffQueuePagePlugin: FastifyPluginAsyncZod<StaffQueueOptions> = async (app, deps) => {
  const queue = staffQueue(deps);
  // `no-slash`: the page is `/staff` only, as before it had a prefix.
  app.get(
    '/',
    { prefixTrailingSlash: 'no-slash', schema: { querystring: queueQuery, response: { 200: htmlPage } } },
    async (request, reply) => {
      const { items, counts } = await queue(request.query);
      return sendPage(reply, staffQueuePage(request, request.query, items, counts));
    },
  );
};

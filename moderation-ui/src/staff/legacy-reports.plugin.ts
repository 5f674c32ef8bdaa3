import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listStaffQueue, type RelaisDb } from '@relais/db';
import { STAFF_ROLES, roleGuard } from '../auth/role-guard.js';
import { queueFilter, queueQuery } from './staff-queue.plugin.js';
import { queueItemAnswer } from './staff-schemas.js';

/** What the first reports API needs. */
interface LegacyReportsOptions {
  readonly db: RelaisDb;
  /** The development bearer token (unset in production). */
  readonly devApiToken: string | undefined;
}

/** The first API's line of the queue: the staff queue's fields it had, the date as ISO text. */
const legacyItem = queueItemAnswer
  .pick({
    id: true,
    reference: true,
    status: true,
    channel: true,
    tunnel: true,
    postalCode: true,
    actTypes: true,
    priority: true,
    flagged: true,
  })
  .extend({ receivedAt: z.string() });

const reportsAnswer = z.object({ items: z.array(legacyItem) });

/**
 * `GET /api/reports` (registered under that prefix), the first API, kept: a staff session, or the development bearer token
 * outside production (its one role hook accepts either).
 */
export const legacyReportsPlugin: FastifyPluginAsyncZod<LegacyReportsOptions> = async (app, deps) => {
  app.addHook('preValidation', roleGuard(deps.db, STAFF_ROLES, { bearerToken: deps.devApiToken }));

  // `no-slash`: the route is `/api/reports` only, as before it had a prefix.
  app.get(
    '/',
    { prefixTrailingSlash: 'no-slash', schema: { querystring: queueQuery, response: { 200: reportsAnswer } } },
    async (request) => {
      const items = await listStaffQueue(deps.db, queueFilter(request.query));
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
    },
  );
};

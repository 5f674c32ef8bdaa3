import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listStaffQueue, type RelaisDb } from '@relais/db';
import { STAFF_ROLES, roleGuard } from '../auth/role-guard.js';
import { queueFilter, queueQuery } from './staff-queue.plugin.js';

/** What the first reports API needs. */
interface LegacyReportsOptions {
  readonly db: RelaisDb;
  /** The development bearer token (unset in production). */
  readonly devApiToken: string | undefined;
}

const reportsAnswer = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      status: z.string(),
      channel: z.string(),
      tunnel: z.string().nullable(),
      postalCode: z.string().nullable(),
      actTypes: z.array(z.string()),
      priority: z.number(),
      receivedAt: z.string(),
      flagged: z.boolean(),
    }),
  ),
});

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

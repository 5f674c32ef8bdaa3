import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { REPORT_STATUSES, postalCode, tunnelSlug } from '@relais/core';
import { listQueue, type RelaisDb } from '@relais/db';

const queueQuery = z.object({
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(REPORT_STATUSES)))
    .optional(),
  tunnel: tunnelSlug.optional(),
  postalCode: postalCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** `GET /api/reports`: the staff queue (no encrypted content), filterable by status, tunnel, postal code. */
export function staffReportsRoute(app: FastifyInstance, deps: { db: RelaisDb; preHandler: preHandlerAsyncHookHandler }) {
  app.get('/api/reports', { preHandler: deps.preHandler }, async (request, reply) => {
    const query = queueQuery.safeParse(request.query);
    if (!query.success) {
      return reply.code(400).send({
        error: 'bad_request',
        message: query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
    }
    const { status, ...rest } = query.data;
    const items = await listQueue(deps.db, { ...rest, statuses: status });
    return reply.header('cache-control', 'no-store').send({
      items: items.map((r) => ({
        id: r.id,
        reference: r.reference,
        status: r.status,
        channel: r.channel,
        tunnel: r.tunnel,
        postalCode: r.postal_code,
        actTypes: r.act_types,
        priority: r.priority,
        receivedAt: r.received_at.toISOString(),
      })),
    });
  });
}

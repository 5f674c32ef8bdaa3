import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { pingRedis, type Logger } from '@relais/core';
import { pingDatabase, type RelaisDb } from '@relais/db';
import type { WorkerMetrics } from '../metrics/worker-metrics.js';

/**
 * The worker's HTTP surface (port 9464): `GET /healthz`, 200 once PostgreSQL and Redis answer,
 * 503 otherwise; `GET /metrics`, Prometheus text (jobs completed and failed per queue, processing
 * time, queue depth).
 */
export function createWorkerServer(deps: {
  db: RelaisDb;
  redis: Redis;
  logger: Logger;
  metrics: WorkerMetrics;
}): FastifyInstance {
  const app = Fastify({
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion sets Fastify's Logger type parameter (FastifyBaseLogger, not pino's Logger) that plugins expect
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.get('/healthz', async (_req, reply) => {
    const [database, redis] = await Promise.all([pingDatabase(deps.db), pingRedis(deps.redis)]);
    return reply
      .code(database && redis ? 200 : 503)
      .send({ status: database && redis ? 'ok' : 'unavailable', database, redis });
  });
  app.get('/metrics', async (_req, reply) => {
    const text = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(text);
  });
  return app;
}

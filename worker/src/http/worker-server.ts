import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from '@relais/core';
import { pingDatabase, type RelaisDb } from '@relais/db';

/**
 * The worker's HTTP surface (port 9464): `GET /healthz`, 200 once PostgreSQL and Redis answer,
 * 503 otherwise.
 */
export function createWorkerServer(deps: { db: RelaisDb; redis: Redis; logger: Logger }): FastifyInstance {
  const app = Fastify({ loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }) });
  app.get('/healthz', async (_req, reply) => {
    const [database, redis] = await Promise.all([pingDatabase(deps.db), deps.redis.ping().then(() => true, () => false)]);
    return reply.code(database && redis ? 200 : 503).send({ status: database && redis ? 'ok' : 'unavailable', database, redis });
  });
  return app;
}

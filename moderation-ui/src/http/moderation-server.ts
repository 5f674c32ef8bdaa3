import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger, RelaisConfig } from '@relais/core';
import { pingDatabase, type RelaisDb } from '@relais/db';
import { requireDevToken } from '../auth/dev-token.js';
import { staffReportsRoute } from '../routes/staff-reports.route.js';

/** What the moderation server needs. */
export interface ModerationServerDeps {
  readonly config: RelaisConfig;
  readonly db: RelaisDb;
  readonly redis: Redis;
  readonly logger: Logger;
}

/** The moderation service's HTTP API (port 3000): `GET /healthz`, `GET /api/reports`. */
export function createModerationServer(deps: ModerationServerDeps): FastifyInstance {
  const app = Fastify({ loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }) });
  app.get('/healthz', async (_req, reply) => {
    const [database, redis] = await Promise.all([pingDatabase(deps.db), deps.redis.ping().then(() => true, () => false)]);
    return reply.code(database && redis ? 200 : 503).send({ status: database && redis ? 'ok' : 'unavailable', database, redis });
  });
  staffReportsRoute(app, { db: deps.db, preHandler: requireDevToken(deps.config.devApiToken) });
  return app;
}

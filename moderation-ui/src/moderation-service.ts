import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Logger, RelaisConfig } from '@relais/core';
import { createDatabase } from '@relais/db';
import { createModerationServer } from './http/moderation-server.js';

/** The moderation service: its HTTP server and connections. */
export interface ModerationService {
  readonly server: FastifyInstance;
  close(): Promise<void>;
}

/** Wires the moderation service from its config. Does not listen; call `server.listen`. */
export function createModerationService(config: RelaisConfig, logger: Logger): ModerationService {
  const db = createDatabase({ connectionString: config.databaseUrl, applicationName: 'relais-moderation' });
  const redis = new Redis(config.redisUrl, { connectionName: 'relais-moderation' });
  const server = createModerationServer({ config, db, redis, logger });
  return {
    server,
    async close() {
      await server.close();
      await db.destroy();
      redis.disconnect();
    },
  };
}

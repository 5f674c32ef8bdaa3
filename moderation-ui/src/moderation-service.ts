import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import {
  DIGEST_QUEUE,
  MissingDataKeyError,
  OUTBOUND_QUEUE,
  createKeyring,
  createRedis,
  type Logger,
  type RelaisConfig,
} from '@relais/core';
import { createDatabase } from '@relais/db';
import { createModerationServer } from './http/moderation-server.js';

/** The moderation service: its HTTP server and connections. */
export interface ModerationService {
  readonly server: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Wires the moderation service from its config. Does not listen; call `server.listen`. Needs
 * `DATA_KEY` (it opens report text, contact details and TOTP secrets).
 */
export function createModerationService(config: RelaisConfig, logger: Logger): ModerationService {
  if (!config.dataKey) throw new MissingDataKeyError('the moderation service');
  const keyring = createKeyring(config.dataKey);
  const db = createDatabase({ connectionString: config.databaseUrl, applicationName: 'relais-moderation' });
  // Sessions and logins fail after ioredis' default 20 reconnection attempts rather than hang; queues wait.
  const redis = createRedis(config.redisUrl, 'relais-moderation', { maxRetriesPerRequest: 20 });
  const queueConnection = createRedis(config.redisUrl, 'relais-moderation-queues');
  const outbound = new Queue(OUTBOUND_QUEUE, { connection: queueConnection, prefix: config.queuePrefix });
  const digests = new Queue(DIGEST_QUEUE, { connection: queueConnection, prefix: config.queuePrefix });
  const server = createModerationServer({ config, db, redis, logger, keyring, outbound, digests });
  return {
    server,
    async close() {
      await server.close();
      await outbound.close();
      await digests.close();
      queueConnection.disconnect();
      await db.destroy();
      redis.disconnect();
    },
  };
}

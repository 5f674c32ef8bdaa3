import { Redis } from 'ioredis';

/**
 * Opens an ioredis connection suitable for BullMQ (no per-command retry limit, so a Redis restart
 * pauses work instead of failing it) and for the bots' own keys.
 */
export function createRedis(url: string, name: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
  // While Redis is down, ioredis reconnects by itself and `/healthz` answers 503; no crash, no noise.
  redis.on('error', () => undefined);
  return redis;
}

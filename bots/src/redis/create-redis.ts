import { Redis } from 'ioredis';

/**
 * Opens an ioredis connection suitable for BullMQ (no per-command retry limit, so a Redis restart
 * pauses work instead of failing it) and for the bots' own keys.
 */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}

import { Redis } from 'ioredis';

/** Options of {@link createRedis}. */
export interface RedisConnectionOptions {
  /**
   * How many reconnection attempts a command waits through before it fails. Default `null`: it
   * waits for as long as Redis is away, which BullMQ requires and which makes a Redis restart pause
   * work instead of failing it. A number (ioredis' own default is 20) suits a connection that
   * answers people and should fail rather than hang, such as the moderation UI's sessions.
   */
  readonly maxRetriesPerRequest?: number | null;
}

/**
 * Opens the ioredis connection of a Relais process, named `name` in `CLIENT LIST` (e.g.
 * `relais-bots`). Use it for every connection a service opens, BullMQ's included; the default
 * options are BullMQ's (see {@link RedisConnectionOptions}).
 */
export function createRedis(url: string, name: string, options: RedisConnectionOptions = {}): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: options.maxRetriesPerRequest ?? null,
    connectionName: name,
    lazyConnect: false,
  });
  // While Redis is down, ioredis reconnects by itself and `/healthz` answers 503; no crash, no noise.
  redis.on('error', () => undefined);
  return redis;
}

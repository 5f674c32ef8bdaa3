import { Redis } from 'ioredis';
import { dependencyStartupError } from './classify-startup-error.js';

/**
 * Start-up check: connects once to the Redis at `url` and sends PING, without retrying (the
 * service's own connections retry forever and would wait instead of failing). Throws a
 * `StartupError` naming REDIS_URL's host:port when it is refused, rejects the credentials or does
 * not answer within `timeoutMs` (default 5 s).
 */
export async function checkRedis(url: string, timeoutMs = 5_000): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectionName: 'relais-startup-check',
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // ioredis rejects connect() with a bare "Connection is closed."; the reason comes as an event.
  let reason: unknown;
  redis.on('error', (error: unknown) => {
    reason ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw dependencyStartupError('redis', url, reason ?? error, timeoutMs);
  } finally {
    redis.disconnect();
  }
}

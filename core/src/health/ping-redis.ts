/** What {@link pingRedis} needs of a Redis client (an ioredis `Redis` fits). */
export interface Pingable {
  ping(): Promise<unknown>;
}

/**
 * Whether `check` settles successfully within `timeoutMs`: true when it resolves in time, false
 * when it rejects or is still pending (a health check must answer, not wait for an outage to end).
 */
export async function succeedsWithin(check: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      check.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether Redis answers PING within `timeoutMs` (default 2 s). For `GET /healthz`: a client made to
 * ride out outages (`maxRetriesPerRequest: null`) queues a command while Redis is down and would
 * make the health check hang instead of answering 503.
 */
export function pingRedis(redis: Pingable, timeoutMs = 2_000): Promise<boolean> {
  return succeedsWithin(redis.ping(), timeoutMs);
}

import type { Redis } from 'ioredis';

/** A limit: at most `max` hits per `windowSeconds` for one key. */
export interface RateLimit {
  readonly max: number;
  readonly windowSeconds: number;
}

/** The verdict on one hit: allowed, or how long to wait. */
interface RateVerdict {
  readonly allowed: boolean;
  readonly retryAfterSeconds: number;
  /** Hits of this subject in the current window, this one included (`max + 1`: the first refusal). */
  readonly count: number;
}

/**
 * Fixed-window rate limiting in Redis (shared by every bot instance): `INCR` a key per subject and
 * window, expiring with the window. Subjects are hashed by the caller (no raw IP in key names).
 */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Counts a hit of `subject` against `limit` named `name`. */
  async hit(name: string, subject: string, limit: RateLimit, now = Date.now()): Promise<RateVerdict> {
    const window = Math.floor(now / 1000 / limit.windowSeconds);
    const key = `${this.prefix}:rl:${name}:${subject}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, limit.windowSeconds + 1).exec()) as [[unknown, number]];
    const retryAfterSeconds = Math.max(1, (window + 1) * limit.windowSeconds - Math.floor(now / 1000));
    return { allowed: count <= limit.max, retryAfterSeconds, count };
  }
}

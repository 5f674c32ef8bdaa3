import type { Redis } from 'ioredis';
import { keyedHash } from '../crypto/keyed-hash.js';
import type { Keyring } from '../crypto/keyring.js';
import { hitScript, releaseScript, reserveScript, spendScript } from './rate-limit-scripts.js';

/** A limit: at most `max` attempts per `windowSeconds` for one subject. */
export interface RateLimit {
  readonly max: number;
  readonly windowSeconds: number;
}

/** One limit applied to one subject (an address, a chat, an account…), under the limit's `name`. */
export interface RateCounter {
  /** Names the limit in key names and logs, e.g. `dl-tokens`; several limits may share a subject. */
  readonly name: string;
  /** What is limited, in clear: the limiter hashes it before it reaches Redis. */
  readonly subject: string;
  readonly limit: RateLimit;
}

/** The verdict on an attempt: allowed, or how long to wait. */
export interface RateVerdict {
  readonly allowed: boolean;
  /** Milliseconds until an attempt may be allowed again (0 for an allowed reservation). */
  readonly retryAfterMs: number;
  /** The same, rounded up to whole seconds and at least 1 when not 0: for `Retry-After` and messages. */
  readonly retryAfterSeconds: number;
}

/** The verdict on a {@link RateLimiter.hit}, with the subject's count in the current window. */
export interface HitVerdict extends RateVerdict {
  /** Hits of this subject in the current window, this one included (`max + 1`: the first refusal). */
  readonly count: number;
}

/** What a {@link RateLimiter} needs. */
export interface RateLimiterOptions {
  /** The process's key prefix (`QUEUE_PREFIX`); counters live under `<prefix>:rl:<name>:`. */
  readonly prefix: string;
  /** Its hashing key pseudonymises subjects in key names (HMAC-SHA256, see `keyedHash`). */
  readonly keyring: Keyring;
}

function verdict(allowed: boolean, retryAfterMs: number): RateVerdict {
  return {
    allowed,
    retryAfterMs,
    retryAfterSeconds: retryAfterMs > 0 ? Math.max(1, Math.ceil(retryAfterMs / 1000)) : 0,
  };
}

/**
 * Rate limiting in Redis, shared by every instance of a service. Two policies:
 *
 * - {@link hit}: flood control. Every hit counts, refused ones too, in fixed windows aligned on the
 *   clock (`INCR` and expiry in one script, then the compare).
 * - {@link spend}: a budget of `max` units (bytes…) per clock-aligned window; what does not fit
 *   is refused and spends nothing.
 * - {@link reserve}: lock-out after `max` failures. An attempt is reserved on all its counters at
 *   once, in one script, only when each has room, before the attempt is checked; a refused attempt
 *   counts nothing; each window opens at its first counted attempt and is not extended. Then
 *   {@link release} an attempt that succeeded (only failures count) or {@link reset} a counter a
 *   success clears.
 *
 * Subjects are hashed with the keyring's hashing key before they reach a key name: no address,
 * chat id or e-mail is ever readable in Redis. Changing `DATA_KEY` starts every count afresh.
 */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly options: RateLimiterOptions,
  ) {}

  private key(counter: Pick<RateCounter, 'name' | 'subject'>): string {
    const pseudonym = keyedHash(this.options.keyring, `rate-limit:${counter.name}:${counter.subject}`);
    return `${this.options.prefix}:rl:${counter.name}:${pseudonym}`;
  }

  /** Counts a hit of `counter.subject` against its limit in the clock's current window. */
  async hit(counter: RateCounter, now = Date.now()): Promise<HitVerdict> {
    const windowMs = counter.limit.windowSeconds * 1000;
    const window = Math.floor(now / windowMs);
    // One second of grace past the window's end, so that a late hit never finds a fresh counter.
    const count = Number(await hitScript.run(this.redis, [`${this.key(counter)}:${window}`], [windowMs + 1000]));
    return { ...verdict(count <= counter.limit.max, (window + 1) * windowMs - now), count };
  }

  /**
   * Spends `amount` units of `counter.subject`'s budget (`limit.max` units per `limit.windowSeconds`,
   * in windows aligned on the clock), atomically: concurrent spends never pass the budget together.
   * Refused when the amount does not fit; a refusal spends nothing.
   */
  async spend(counter: RateCounter, amount: number, now = Date.now()): Promise<RateVerdict> {
    const windowMs = counter.limit.windowSeconds * 1000;
    const window = Math.floor(now / windowMs);
    const [spent] = (await spendScript.run(
      this.redis,
      [`${this.key(counter)}:${window}`],
      [Math.max(0, Math.ceil(amount)), counter.limit.max, windowMs + 1000],
    )) as [number, number];
    return verdict(spent === 1, spent === 1 ? 0 : (window + 1) * windowMs - now);
  }

  /** Reserves one attempt on every counter, or on none when one of them is full. */
  async reserve(counters: readonly RateCounter[]): Promise<RateVerdict> {
    const args = counters.flatMap((c) => [c.limit.max, c.limit.windowSeconds * 1000]);
    const [reserved, wait] = (await reserveScript.run(
      this.redis,
      counters.map((c) => this.key(c)),
      args,
    )) as [number, number?];
    return verdict(reserved === 1, reserved === 1 ? 0 : Number(wait));
  }

  /** Gives back a reserved attempt (it succeeded, or could not be checked) on every counter. */
  async release(counters: readonly RateCounter[]): Promise<void> {
    await releaseScript.run(
      this.redis,
      counters.map((c) => this.key(c)),
      [],
    );
  }

  /** Forgets every attempt of these counters (e.g. an account's failures after a good login). */
  async reset(counters: readonly RateCounter[]): Promise<void> {
    if (counters.length > 0) await this.redis.del(...counters.map((c) => this.key(c)));
  }
}

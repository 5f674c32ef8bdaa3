import type { Redis } from 'ioredis';
import { keyedHash, type Keyring } from '@relais/core';
import type { RateLimit } from '../../redis/rate-limiter.js';

/**
 * Wrong secrets allowed before the follow-up sign-in waits: per receipt reference (a guesser
 * aiming at one report) and per client address (a guesser trying many references).
 */
const SIGN_IN_LIMITS: { readonly perReference: RateLimit; readonly perAddress: RateLimit } = {
  perReference: { max: 5, windowSeconds: 15 * 60 },
  perAddress: { max: 20, windowSeconds: 15 * 60 },
};

/** What sign-in failures are counted against: the reference typed (when it is one) and the address. */
interface SignInSubject {
  readonly reference: string | undefined;
  readonly address: string;
}

/**
 * Counts failed follow-up sign-ins in Redis (shared by every bot instance), per reference and per
 * client address, each in a window that starts at its first failure. Only failures count, so a
 * person who signs in right is never slowed down. Key names hold keyed hashes, never the reference
 * or the address.
 */
export class SignInLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly keyring: Keyring,
    private readonly limits = SIGN_IN_LIMITS,
  ) {}

  private counters(subject: SignInSubject): { key: string; limit: RateLimit }[] {
    const key = (kind: string, value: string) => `${this.prefix}:follow-up:failures:${kind}:${keyedHash(this.keyring, `follow-up:${kind}:${value}`)}`;
    return [
      ...(subject.reference ? [{ key: key('reference', subject.reference), limit: this.limits.perReference }] : []),
      { key: key('address', subject.address), limit: this.limits.perAddress },
    ];
  }

  /** Seconds to wait before the next attempt, or 0 when it may go ahead. */
  async retryAfter(subject: SignInSubject): Promise<number> {
    let wait = 0;
    for (const { key, limit } of this.counters(subject)) {
      const [[, count], [, ttl]] = (await this.redis.multi().get(key).ttl(key).exec()) as [[unknown, string | null], [unknown, number]];
      if (Number(count ?? 0) >= limit.max) wait = Math.max(wait, ttl > 0 ? ttl : limit.windowSeconds);
    }
    return wait;
  }

  /** Counts one failed attempt. */
  async recordFailure(subject: SignInSubject): Promise<void> {
    const multi = this.redis.multi();
    for (const { key, limit } of this.counters(subject)) multi.incr(key).expire(key, limit.windowSeconds, 'NX');
    await multi.exec();
  }
}

import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Login rate limits: 5 failures per account and 30 per client address in 15 minutes, after which
 * attempts are refused without checking the password until the window ends.
 */
const LOGIN_LIMITS = { perAccount: 5, perAddress: 30, windowSeconds: 15 * 60 } as const;

/** Counts failed logins in Redis, per account (hashed e-mail) and per client address. */
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private keys(email: string, address: string): [string, string] {
    const account = createHash('sha256').update(email.toLowerCase()).digest('hex');
    return [`${this.prefix}:ui:login-failures:account:${account}`, `${this.prefix}:ui:login-failures:address:${address}`];
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed now. */
  async retryAfter(email: string, address: string): Promise<number> {
    const [accountKey, addressKey] = this.keys(email, address);
    const [account, byAddress] = await this.redis.mget(accountKey, addressKey);
    const blocked: string[] = [];
    if (Number(account ?? 0) >= LOGIN_LIMITS.perAccount) blocked.push(accountKey);
    if (Number(byAddress ?? 0) >= LOGIN_LIMITS.perAddress) blocked.push(addressKey);
    if (blocked.length === 0) return 0;
    const ttls = await Promise.all(blocked.map((k) => this.redis.ttl(k)));
    return Math.max(1, ...ttls);
  }

  /** Counts one failure. */
  async fail(email: string, address: string): Promise<void> {
    const multi = this.redis.multi();
    for (const key of this.keys(email, address)) multi.incr(key).expire(key, LOGIN_LIMITS.windowSeconds, 'NX');
    await multi.exec();
  }

  /** Forgets an account's failures after a successful login. */
  async succeed(email: string, address: string): Promise<void> {
    await this.redis.del(this.keys(email, address)[0]);
  }
}

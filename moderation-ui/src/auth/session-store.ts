import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AccountRole } from '@relais/db';

/** What a server-side session holds: ids and the CSRF token, never personal data. */
export interface SessionData {
  readonly accountId: string;
  readonly role: AccountRole;
  readonly partnerId: string | null;
  /** Synchronizer token every state-changing request must echo. */
  readonly csrf: string;
  /** When the session was created (ms since epoch): the absolute lifetime counts from here. */
  readonly createdAt: number;
}

/** Session lifetimes: idle 30 minutes (sliding), absolute 12 hours (OWASP ASVS 3.3). */
export const SESSION_LIMITS = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 3600 } as const;

/**
 * Server-side sessions in Redis. The cookie carries a random 256-bit id; Redis only stores its
 * SHA-256, so a Redis dump cannot be replayed as cookies. Each account keeps a set of its sessions
 * so that logout-everywhere and password changes revoke them all.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:ui:session:${createHash('sha256').update(id).digest('hex')}`;
  }

  private accountKey(accountId: string): string {
    return `${this.prefix}:ui:account-sessions:${accountId}`;
  }

  /** Creates a session (always a new id) and returns its id for the cookie. */
  async create(data: Omit<SessionData, 'csrf' | 'createdAt'>): Promise<{ id: string; session: SessionData }> {
    const id = randomBytes(32).toString('base64url');
    const session: SessionData = { ...data, csrf: randomBytes(32).toString('base64url'), createdAt: Date.now() };
    const key = this.key(id);
    await this.redis
      .multi()
      .set(key, JSON.stringify(session), 'EX', SESSION_LIMITS.idleSeconds)
      .sadd(this.accountKey(data.accountId), key)
      .expire(this.accountKey(data.accountId), SESSION_LIMITS.absoluteSeconds)
      .exec();
    return { id, session };
  }

  /** The live session of a cookie id, its idle timer reset; undefined when unknown or past a limit. */
  async get(id: string): Promise<SessionData | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const key = this.key(id);
    const raw = await this.redis.get(key);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as SessionData;
    const age = (Date.now() - session.createdAt) / 1000;
    if (age >= SESSION_LIMITS.absoluteSeconds) {
      await this.redis.del(key);
      return undefined;
    }
    await this.redis.expire(key, Math.min(SESSION_LIMITS.idleSeconds, Math.ceil(SESSION_LIMITS.absoluteSeconds - age)));
    return session;
  }

  /** Ends one session (logout). */
  async destroy(id: string, accountId: string): Promise<void> {
    const key = this.key(id);
    await this.redis.multi().del(key).srem(this.accountKey(accountId), key).exec();
  }

  /** Ends every session of an account (password change, account disabled). */
  async destroyAll(accountId: string): Promise<void> {
    const keys = await this.redis.smembers(this.accountKey(accountId));
    await this.redis.del(...keys, this.accountKey(accountId));
  }
}

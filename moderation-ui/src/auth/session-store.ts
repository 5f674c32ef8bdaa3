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
 * What a cookie's session id leads to: a live session, one that expired (idle or absolute limit,
 * with whose it was, so the expiry can be audited), or nothing known (never issued, revoked, or an
 * expiry already reported).
 */
type SessionLookup =
  | { readonly state: 'live'; readonly session: SessionData }
  | { readonly state: 'expired'; readonly reason: 'idle' | 'absolute'; readonly owner: SessionOwner }
  | { readonly state: 'unknown' };

/** Whose a session was: ids only. */
type SessionOwner = Pick<SessionData, 'accountId' | 'role' | 'partnerId'>;

/** The trace outlives the session's last possible second, so an expiry at the absolute limit is still seen. */
const TRACE_MARGIN_SECONDS = 60;

const owner = (s: SessionOwner): SessionOwner => ({ accountId: s.accountId, role: s.role, partnerId: s.partnerId });

/**
 * Server-side sessions in Redis. The cookie carries a random 256-bit id; Redis only stores its
 * SHA-256, so a Redis dump cannot be replayed as cookies. Each account keeps a set of its sessions
 * so that logout-everywhere and password changes revoke them all. Beside each session, a trace
 * (its owner's ids, kept for the absolute lifetime) tells an idle expiry from an unknown cookie; it
 * is removed when the session ends any other way.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:ui:session:${createHash('sha256').update(id).digest('hex')}`;
  }

  private traceKey(sessionKey: string): string {
    return sessionKey.replace(':ui:session:', ':ui:session-trace:');
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
      .set(
        this.traceKey(key),
        JSON.stringify({ ...owner(data), createdAt: session.createdAt }),
        'EX',
        SESSION_LIMITS.absoluteSeconds + TRACE_MARGIN_SECONDS,
      )
      .sadd(this.accountKey(data.accountId), key)
      .expire(this.accountKey(data.accountId), SESSION_LIMITS.absoluteSeconds)
      .exec();
    return { id, session };
  }

  /** The live session of a cookie id, its idle timer reset; undefined when unknown or past a limit. */
  async get(id: string): Promise<SessionData | undefined> {
    const found = await this.lookup(id);
    return found.state === 'live' ? found.session : undefined;
  }

  /**
   * Like {@link get}, but says why there is no live session: an expiry is reported once (the trace
   * is consumed), so a stale cookie sent again reads as unknown.
   */
  async lookup(id: string): Promise<SessionLookup> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return { state: 'unknown' };
    const key = this.key(id);
    const raw = await this.redis.get(key);
    if (!raw) {
      const traced = await this.redis.getdel(this.traceKey(key));
      if (!traced) return { state: 'unknown' };
      const trace = JSON.parse(traced) as SessionOwner & { createdAt: number };
      // The key's TTL never outlasts the absolute limit, so a key gone at that age hit the limit.
      const reason = (Date.now() - trace.createdAt) / 1000 >= SESSION_LIMITS.absoluteSeconds ? 'absolute' : 'idle';
      return { state: 'expired', reason, owner: owner(trace) };
    }
    const session = JSON.parse(raw) as SessionData;
    const age = (Date.now() - session.createdAt) / 1000;
    if (age >= SESSION_LIMITS.absoluteSeconds) {
      await this.redis.del(key, this.traceKey(key));
      return { state: 'expired', reason: 'absolute', owner: owner(session) };
    }
    await this.redis.expire(key, Math.min(SESSION_LIMITS.idleSeconds, Math.ceil(SESSION_LIMITS.absoluteSeconds - age)));
    return { state: 'live', session };
  }

  /** Ends one session (logout). */
  async destroy(id: string, accountId: string): Promise<void> {
    const key = this.key(id);
    await this.redis.multi().del(key, this.traceKey(key)).srem(this.accountKey(accountId), key).exec();
  }

  /** Ends every session of an account (password change, account disabled). */
  async destroyAll(accountId: string): Promise<void> {
    const keys = await this.redis.smembers(this.accountKey(accountId));
    await this.redis.del(...keys, ...keys.map((k) => this.traceKey(k)), this.accountKey(accountId));
  }
}

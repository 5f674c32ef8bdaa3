import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** How long a follow-up session lasts without use, in seconds (each use extends it). */
const SESSION_IDLE_SECONDS = 15 * 60;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sessions of the follow-up page: an opaque bearer token (32 random bytes) that the page keeps in
 * memory only (no cookie, no storage), mapped in Redis to the report it opens, for
 * {@link SESSION_IDLE_SECONDS} after its last use. Redis holds a hash of the token, never the token.
 */
export class FollowUpSessions {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly idleSeconds = SESSION_IDLE_SECONDS,
  ) {}

  private key(token: string): string {
    return `${this.prefix}:follow-up:session:${createHash('sha256').update(token).digest('hex')}`;
  }

  /** Opens a session on `reportId` and returns its token. */
  async open(reportId: string): Promise<{ token: string; expiresInSeconds: number }> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(token), reportId, 'EX', this.idleSeconds);
    return { token, expiresInSeconds: this.idleSeconds };
  }

  /** The report a live token opens (its idle time starts again), or undefined. */
  async find(token: string | undefined): Promise<string | undefined> {
    if (!token || !TOKEN_PATTERN.test(token)) return undefined;
    const key = this.key(token);
    const [[, reportId]] = (await this.redis.multi().get(key).expire(key, this.idleSeconds, 'XX').exec()) as [
      [unknown, string | null],
    ];
    return reportId ?? undefined;
  }

  /** Ends a session (leaving the page, or after an erasure). */
  async close(token: string): Promise<void> {
    if (TOKEN_PATTERN.test(token)) await this.redis.del(this.key(token));
  }
}

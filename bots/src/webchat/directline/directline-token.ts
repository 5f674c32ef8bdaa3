import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

/** Seconds a Direct Line token is valid (clients refresh before it runs out). */
const TOKEN_TTL_SECONDS = 3_600;

const claims = z.object({ cid: z.string().min(1).max(80), uid: z.string().min(1).max(80), exp: z.number().int() });

/** What a token grants: one conversation, for one user, until `exp` (Unix seconds). */
export type TokenClaims = z.infer<typeof claims>;

/**
 * Issues and checks Direct Line tokens: `base64url(claims).base64url(HMAC-SHA256)`. Stateless, so
 * any bot instance can check a token another issued. The key is derived from the data key.
 */
export class DirectLineTokens {
  /**
   * @param key the HMAC key (derived from the data key)
   * @param ttlSeconds how long a token is valid; default {@link TOKEN_TTL_SECONDS} (tests shorten it)
   */
  constructor(
    private readonly key: Buffer,
    readonly ttlSeconds = TOKEN_TTL_SECONDS,
  ) {}

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  /**
   * A token for `conversationId` and `userId`, valid `ttlSeconds` from `now` (a `now` in the past
   * gives an already expired token, as tests of expiry need).
   */
  issue(conversationId: string, userId: string, now = Date.now()): { token: string; expiresIn: number } {
    const body = Buffer.from(
      JSON.stringify({ cid: conversationId, uid: userId, exp: Math.floor(now / 1000) + this.ttlSeconds }),
    ).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresIn: this.ttlSeconds };
  }

  /** The claims of a valid, unexpired token; undefined for anything else (forged, expired, garbled). */
  verify(token: string, now = Date.now()): TokenClaims | undefined {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined || body.length > 512) return undefined;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const parsed = claims.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      if (!parsed.success || parsed.data.exp * 1000 <= now) return undefined;
      return parsed.data;
    } catch {
      return undefined;
    }
  }
}

/** The bearer token of a request, if any. */
export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

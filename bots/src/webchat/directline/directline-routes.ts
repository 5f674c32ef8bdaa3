import type {} from '@fastify/websocket';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger, RateLimit, RateLimiter } from '@relais/core';
import { ConversationBusyError } from '../../flow/draft-store.js';
import { inEveryLang } from '../../i18n/catalog.js';
import { ConversationFullError, type ConversationStore } from './conversation-store.js';
import type { DirectLineActivity } from './directline-activity.js';
import {
  clientActivityId,
  conversationRequest,
  postedActivity,
  tokenRequest,
  watermarkQuery,
  type PostedActivity,
} from './directline-schemas.js';
import { bearer, type DirectLineTokens, type TokenClaims } from './directline-token.js';
import { directLineStream, streamUrlOf } from './directline-stream.js';
import type { StreamHub } from './stream-hub.js';
import type { StreamQuota } from './stream-quota.js';
import { activityBytes, MAX_STORED_ACTIVITY_BYTES, storedUserActivity } from './stored-activity.js';

/** What the bot does with what a person posts; its replies go through `ConversationStore.append`. */
type UserActivityHandler = (conversationId: string, activity: DirectLineActivity) => Promise<void>;

/** What the Direct Line routes need. */
interface DirectLineDeps {
  readonly store: ConversationStore;
  readonly tokens: DirectLineTokens;
  readonly hub: StreamHub;
  readonly logger: Logger;
  /** Called when a conversation starts (a `conversationUpdate` with the user joining). */
  readonly onConversationStart: UserActivityHandler;
  readonly onUserActivity: UserActivityHandler;
  /** Flood protection; without it nothing is limited (tests of other behaviour). */
  readonly limits?: {
    /** Hashes every subject before it reaches Redis: no raw IP in key names. */
    readonly limiter: RateLimiter;
    /** Bytes one address may have stored; default {@link STORED_BYTES_PER_ADDRESS}. */
    readonly storedBytesPerAddress?: RateLimit;
  };
  /**
   * The service's public base URL (`PUBLIC_URL`): stream URLs are built from it, never from the
   * request's `Host`. Without it no `streamUrl` is given and clients poll.
   */
  readonly publicUrl?: string;
  /** Caps open streams per conversation and per address; without it streams are not capped. */
  readonly streams?: StreamQuota;
}

/** New conversations per client address, and messages per conversation and per address. */
export const DIRECT_LINE_LIMITS: Readonly<Record<'tokens' | 'conversation' | 'address', RateLimit>> = {
  tokens: { max: 30, windowSeconds: 60 },
  conversation: { max: 40, windowSeconds: 60 },
  address: { max: 240, windowSeconds: 60 },
};

/**
 * Bytes (of stored activities) one client address may have stored per hour: thousands of reports,
 * or 130 messages of the longest kind, from a carrier's shared address; a client parking data runs
 * out of it long before Redis does (without it, 30 conversations a minute × 256 KiB).
 */
export const STORED_BYTES_PER_ADDRESS: RateLimit = { max: 8 * 1024 * 1024, windowSeconds: 3600 };

const SLOW_DOWN = inEveryLang((m) => m.directLine.slowDown);
const ADDRESS_BUDGET = inEveryLang((m) => m.directLine.addressBudget);
const MESSAGE_TOO_BIG = inEveryLang((m) => m.directLine.messageTooBig);
const CONVERSATION_FULL = inEveryLang((m) => m.directLine.conversationFull);

const BASE = '/v3/directline';

/** The id a client gave its activity (`id`, or Web Chat's `channelData.clientActivityID`), if any. */
function clientIdOf(activity: PostedActivity): string | undefined {
  if (activity.id) return activity.id;
  const fromChannelData = clientActivityId.safeParse(activity.channelData?.clientActivityID);
  return fromChannelData.success ? fromChannelData.data : undefined;
}

function error(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

/**
 * A self-hosted, Direct Line 3.0 compatible endpoint (a subset: tokens generate/refresh,
 * conversations start/reconnect, activities get/post with watermarks, the WebSocket stream).
 * Public: a token is issued without a secret (web chat tunnels are public pages) and binds one
 * conversation; every other call needs that token.
 */
export function directLineRoutes(app: FastifyInstance, deps: DirectLineDeps): void {
  /** Counts a hit against each named limit; answers 429 with a friendly message when one is exceeded. */
  async function allowed(
    request: FastifyRequest,
    reply: FastifyReply,
    checks: ReadonlyArray<[keyof typeof DIRECT_LINE_LIMITS, string]>,
  ): Promise<boolean> {
    if (!deps.limits) return true;
    for (const [name, subject] of checks) {
      const verdict = await deps.limits.limiter.hit({ name: `dl-${name}`, subject, limit: DIRECT_LINE_LIMITS[name] });
      if (!verdict.allowed) {
        deps.logger.warn({ limit: name }, 'direct line rate limit reached');
        await reply
          .header('retry-after', String(verdict.retryAfterSeconds))
          .code(429)
          .send({ error: { code: 'TooManyRequests', message: SLOW_DOWN } });
        return false;
      }
    }
    return true;
  }
  const address = (request: FastifyRequest) => request.ip;

  async function authorise(
    request: FastifyRequest,
    reply: FastifyReply,
    conversationId?: string,
    token = bearer(request),
  ): Promise<TokenClaims | undefined> {
    const claims = token ? deps.tokens.verify(token) : undefined;
    if (!claims) {
      await error(reply, 403, 'TokenExpired', 'the token is missing, invalid or expired: generate a new one');
      return undefined;
    }
    if (conversationId !== undefined && claims.cid !== conversationId) {
      await error(reply, 403, 'BadArgument', 'the token does not grant this conversation');
      return undefined;
    }
    return claims;
  }

  app.post(`${BASE}/tokens/generate`, async (request, reply) => {
    const body = tokenRequest.safeParse(request.body ?? undefined);
    if (!body.success)
      return error(reply, 400, 'BadArgument', 'invalid token request: user.id and tunnel must be short slugs');
    if (!(await allowed(request, reply, [['tokens', address(request)]]))) return reply;
    const conversationId = randomUUID().replace(/-/g, '');
    const userId = body.data?.user?.id ?? `dl_${randomUUID().slice(0, 12)}`;
    await deps.store.create({
      id: conversationId,
      tunnel: body.data?.tunnel ?? null,
      locale: body.data?.locale ?? null,
      createdAt: new Date().toISOString(),
    });
    const { token, expiresIn } = deps.tokens.issue(conversationId, userId);
    return reply.send({ conversationId, token, expires_in: expiresIn });
  });

  app.post(`${BASE}/tokens/refresh`, async (request, reply) => {
    const claims = await authorise(request, reply);
    if (!claims) return reply;
    const { token, expiresIn } = deps.tokens.issue(claims.cid, claims.uid);
    return reply.send({ conversationId: claims.cid, token, expires_in: expiresIn });
  });

  app.post(`${BASE}/conversations`, async (request, reply) => {
    const claims = await authorise(request, reply);
    if (!claims) return reply;
    const body = conversationRequest.safeParse(request.body ?? undefined);
    if (!body.success)
      return error(
        reply,
        400,
        'BadArgument',
        'invalid conversation request: locale must be a language tag such as "fr" or "en-GB"',
      );
    const info = await deps.store.find(claims.cid);
    if (!info) return error(reply, 404, 'BadArgument', 'this conversation has expired: generate a new token');
    const locale = body.data?.locale ?? info.locale;
    if (body.data?.locale && body.data.locale !== info.locale) await deps.store.setLocale(claims.cid, body.data.locale);
    const { token, expiresIn } = deps.tokens.issue(claims.cid, claims.uid);
    const { watermark } = await deps.store.since(claims.cid, Number.MAX_SAFE_INTEGER);
    if (watermark === 0) {
      await deps.onConversationStart(claims.cid, {
        type: 'conversationUpdate',
        from: { id: claims.uid, role: 'user' },
        ...(locale ? { locale } : {}),
      });
    }
    return reply.code(watermark === 0 ? 201 : 200).send({
      conversationId: claims.cid,
      token,
      expires_in: expiresIn,
      streamUrl: streamUrlOf(deps.publicUrl, claims.cid, token),
    });
  });

  app.get<{ Params: { id: string } }>(`${BASE}/conversations/:id`, async (request, reply) => {
    const claims = await authorise(request, reply, request.params.id);
    if (!claims) return reply;
    if (!(await deps.store.find(claims.cid))) return error(reply, 404, 'BadArgument', 'unknown conversation');
    const { token, expiresIn } = deps.tokens.issue(claims.cid, claims.uid);
    return reply.send({
      conversationId: claims.cid,
      token,
      expires_in: expiresIn,
      streamUrl: streamUrlOf(deps.publicUrl, claims.cid, token),
    });
  });

  app.get<{ Params: { id: string } }>(`${BASE}/conversations/:id/activities`, async (request, reply) => {
    const claims = await authorise(request, reply, request.params.id);
    if (!claims) return reply;
    const query = watermarkQuery.safeParse(request.query);
    if (!query.success) return error(reply, 400, 'BadArgument', 'watermark must be a whole number');
    if (!(await deps.store.find(claims.cid))) return error(reply, 404, 'BadArgument', 'unknown conversation');
    const { activities, watermark } = await deps.store.since(claims.cid, query.data.watermark);
    return reply.header('cache-control', 'no-store').send({ activities, watermark: String(watermark) });
  });

  app.post<{ Params: { id: string } }>(
    `${BASE}/conversations/:id/activities`,
    { bodyLimit: 128 * 1024 },
    async (request, reply) => {
      const claims = await authorise(request, reply, request.params.id);
      if (!claims) return reply;
      const parsed = postedActivity.safeParse(request.body);
      if (!parsed.success) {
        return error(
          reply,
          400,
          'BadArgument',
          'invalid activity: a message needs type "message", from.id, and text of at most 20,000 characters',
        );
      }
      if (!(await deps.store.find(claims.cid))) return error(reply, 404, 'BadArgument', 'unknown conversation');
      // A client re-sending an activity it already sent (a retry after a lost answer) gets the id
      // assigned the first time, and nothing happens again: a tap would otherwise toggle back.
      // The bot is still handed a replay: if the first copy was stored but a bot process died before
      // handling it, this one is handled; if it was handled, the conversation runner (which commits
      // each activity id with the draft) does nothing.
      const clientId = clientIdOf(parsed.data);
      const { id: _clientId, ...fields } = parsed.data;
      // Only what the bot and the clients use is kept: nothing else a client sends reaches Redis.
      const activity = storedUserActivity(fields, claims.uid, new Date().toISOString());
      if (activityBytes(activity) > MAX_STORED_ACTIVITY_BYTES)
        return error(reply, 413, 'MessageSizeTooBig', MESSAGE_TOO_BIG);
      const handled = async (posted: DirectLineActivity): Promise<boolean> => {
        try {
          await deps.onUserActivity(claims.cid, posted);
          return true;
        } catch (e) {
          if (!(e instanceof ConversationBusyError)) throw e;
          // Stored, not handled yet: the client sends it again (same id) and it is handled then.
          await reply
            .header('retry-after', '5')
            .code(503)
            .send({
              error: {
                code: 'ServiceUnavailable',
                message: 'the conversation is busy with an earlier message: send this one again in a moment',
              },
            });
          return false;
        }
      };
      const earlier = clientId ? await deps.store.replayOf(claims.cid, clientId) : undefined;
      if (earlier) return (await handled({ ...activity, id: earlier })) ? reply.send({ id: earlier }) : reply;
      if (
        !(await allowed(request, reply, [
          ['conversation', claims.cid],
          ['address', address(request)],
        ]))
      )
        return reply;
      if (deps.limits) {
        // Spent before the append, and not given back if the conversation turns out full.
        const budget = await deps.limits.limiter.spend(
          {
            name: 'dl-stored-bytes',
            subject: address(request),
            limit: deps.limits.storedBytesPerAddress ?? STORED_BYTES_PER_ADDRESS,
          },
          activityBytes(activity),
        );
        if (!budget.allowed) {
          deps.logger.warn({ limit: 'stored-bytes' }, 'direct line storage budget of an address reached');
          await reply
            .header('retry-after', String(budget.retryAfterSeconds))
            .code(429)
            .send({ error: { code: 'TooManyRequests', message: ADDRESS_BUDGET } });
          return reply;
        }
      }
      try {
        if (clientId) {
          // Atomic with the append, so two copies racing on two instances are stored once.
          const outcome = await deps.store.appendOnce(claims.cid, activity, clientId);
          return (await handled(outcome.replayed ? { ...activity, id: outcome.id } : outcome.activity!))
            ? reply.send({ id: outcome.id })
            : reply;
        }
        const [stored] = await deps.store.append(claims.cid, [activity], { capped: true });
        return (await handled(stored!)) ? reply.send({ id: stored!.id }) : reply;
      } catch (e) {
        if (!(e instanceof ConversationFullError)) throw e;
        deps.logger.warn('direct line conversation full; message refused');
        return error(reply, 413, 'ConversationSizeTooBig', CONVERSATION_FULL);
      }
    },
  );

  directLineStream(app, deps);
}

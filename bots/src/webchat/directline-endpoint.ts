import websocket from '@fastify/websocket';
import type { ActivityHandler } from 'botbuilder';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { createHmac } from 'node:crypto';
import { RateLimiter, type Keyring, type Logger, type RateLimit } from '@relais/core';
import { ConversationBusyError } from '../flow/draft-store.js';
import { inEveryLang } from '../i18n/catalog.js';
import { ConversationStore } from './directline/conversation-store.js';
import { DirectLineAdapter } from './directline/directline-adapter.js';
import { directLineRoutes } from './directline/directline-routes.js';
import { DirectLineTokens } from './directline/directline-token.js';
import { StreamHub } from './directline/stream-hub.js';
import { StreamQuota, type StreamLimits } from './directline/stream-quota.js';

/** What the Direct Line endpoint needs. */
export interface DirectLineEndpointDeps {
  readonly redis: Redis;
  readonly keyring: Keyring;
  readonly prefix: string;
  readonly logger: Logger;
  /** The bot that answers (the report conversation, or an echo bot in benchmarks). */
  readonly bot: ActivityHandler;
  /** Flood protection per address and conversation; default on. */
  readonly rateLimits?: boolean;
  /** Bytes one address may have stored per window; default `STORED_BYTES_PER_ADDRESS` (tests lower it). */
  readonly storedBytesPerAddress?: RateLimit;
  /** How long a token is valid; default one hour (tests of refresh shorten it). */
  readonly tokenTtlSeconds?: number;
  /**
   * The public base URL (`PUBLIC_URL`) stream URLs are built from, never the request's `Host`;
   * without it conversations give no `streamUrl` and clients poll.
   */
  readonly publicUrl?: string;
  /** Caps on open WebSocket streams (`config.directLineStreams`); without it streams are not capped. */
  readonly streamLimits?: StreamLimits;
}

/** The Direct Line endpoint of one bot instance. */
export interface DirectLineEndpoint {
  readonly adapter: DirectLineAdapter;
  readonly store: ConversationStore;
  /** Issues and checks this endpoint's tokens (tests issue expired ones with a past `now`). */
  readonly tokens: DirectLineTokens;
  /** Registers the `/v3/directline/…` routes (and the WebSocket plugin) on a Fastify app. */
  register(app: FastifyInstance): Promise<void>;
  close(): void;
}

const TURN_FAILED = inEveryLang((m) => m.directLine.turnFailed);

/**
 * Wires the self-hosted Direct Line 3.0 compatible endpoint: tokens keyed from the data key,
 * conversations and sealed activities in Redis, the in-process botbuilder adapter running `bot`.
 */
export function createDirectLineEndpoint(deps: DirectLineEndpointDeps): DirectLineEndpoint {
  const store = new ConversationStore(deps.redis, deps.keyring, deps.prefix);
  const adapter = new DirectLineAdapter(store);
  adapter.onTurnError = async (context, error) => {
    // Not this turn's fault: the route answers 503 and the client sends the activity again.
    if (error instanceof ConversationBusyError) throw error;
    deps.logger.error({ err: { name: error.name }, conversation: 'directline' }, 'web chat turn failed');
    await context.sendActivity(TURN_FAILED);
  };
  const tokenKey = createHmac('sha256', deps.keyring.current.hashingKey).update('relais/directline-token/v1').digest();
  const tokens = new DirectLineTokens(tokenKey, deps.tokenTtlSeconds);
  const subscriber = deps.redis.duplicate();
  subscriber.on('error', () => undefined); // reconnects by itself, like the main connection
  const hub = new StreamHub(subscriber);
  const run = (conversationId: string, activity: Parameters<DirectLineAdapter['process']>[1]) =>
    adapter.process(conversationId, activity, (context) => deps.bot.run(context));
  return {
    adapter,
    store,
    tokens,
    async register(app) {
      await app.register(websocket);
      await app.register(async (scope) => {
        // Direct Line clients POST with a JSON content type and an empty body (start, refresh).
        const json = scope.getDefaultJsonParser('error', 'error');
        scope.removeContentTypeParser('application/json');
        scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
          body === '' ? done(null, undefined) : json(request, String(body), done),
        );
        // The widget runs on partners' sites: any origin may call, with a bearer token, no cookie.
        scope.addHook('onSend', async (_request, reply) => {
          reply.header('access-control-allow-origin', '*');
        });
        scope.options('/v3/directline/*', (_request, reply) =>
          reply
            .header('access-control-allow-methods', 'GET, POST, OPTIONS')
            // Web Chat (botframework-directlinejs in a browser) also sends these two on every call.
            .header('access-control-allow-headers', 'authorization, content-type, x-requested-with, x-ms-bot-agent')
            .header('access-control-max-age', '600')
            .code(204)
            .send(),
        );
        const limits =
          deps.rateLimits === false
            ? undefined
            : {
                limiter: new RateLimiter(deps.redis, { prefix: deps.prefix, keyring: deps.keyring }),
                ...(deps.storedBytesPerAddress ? { storedBytesPerAddress: deps.storedBytesPerAddress } : {}),
              };
        directLineRoutes(scope, {
          store,
          tokens,
          hub,
          logger: deps.logger,
          onConversationStart: run,
          onUserActivity: run,
          ...(limits ? { limits } : {}),
          ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
          ...(deps.streamLimits
            ? { streams: new StreamQuota(deps.redis, deps.keyring, deps.prefix, deps.streamLimits) }
            : {}),
        });
      });
    },
    close: () => hub.close(),
  };
}

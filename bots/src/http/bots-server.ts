import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { BotError, webhookCallback, type Bot } from 'grammy';
import type { Redis } from 'ioredis';
import type { ActivityHandler } from 'botbuilder';
import { pingRedis, type Logger } from '@relais/core';
import { pingDatabase, type RelaisDb } from '@relais/db';
import { botFrameworkRoute, type BotFrameworkCredentials } from '../webchat/bot-framework-route.js';
import type { DirectLineEndpoint } from '../webchat/directline-endpoint.js';
import { ConversationBusyError } from '../flow/draft-store.js';
import { tunnelRoutes } from '../webchat/pages/tunnel-routes.js';

/** What the bots' HTTP server serves. */
interface BotsServerDeps {
  readonly db: RelaisDb;
  readonly redis: Redis;
  readonly logger: Logger;
  /** The Telegram bot, when Telegram runs in webhook mode. */
  readonly telegram?: { readonly bot: Bot; readonly secretToken: string };
  /** The self-hosted Direct Line endpoint of the web chat. */
  readonly directLine: DirectLineEndpoint;
  /** Whether a tunnel slug belongs to some partner scope (tunnel pages). */
  isKnownTunnel(tunnel: string): Promise<boolean>;
  /** `PUBLIC_URL`: the tunnel pages, the widget and the chat frame build their addresses from it. */
  readonly publicUrl: string;
  /** Azure Bot Service: `POST /api/messages` exists only with credentials. */
  readonly botFramework?: { readonly credentials: BotFrameworkCredentials; readonly bot: ActivityHandler };
  /** Reverse proxies whose `X-Forwarded-For` gives the client address (`TRUST_PROXY`); none by default. */
  readonly trustedProxies?: readonly string[];
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, createHash('sha256').update(expected).digest());
}

/**
 * The bots service's HTTP surface (port 3978): `GET /healthz`; in webhook mode
 * `POST /telegram/webhook` (the `X-Telegram-Bot-Api-Secret-Token` header must match, otherwise
 * 401 and nothing is handled); the web chat: Direct Line 3.0 (`/v3/directline/…`), tunnel pages
 * (`/report`, `/report/partner/:tunnel`), `/widget.js`; and, with Azure credentials, `POST /api/messages`.
 *
 * The webhook answers 200 even when handling an update failed inside: the bot's error boundary
 * has already told the person their draft is kept and to send their message again. A 500 would
 * make Telegram re-deliver the same update with growing delays and hold back the bot's later
 * updates meanwhile, so one poison update would stall every conversation. The exception is an
 * update that could not even start because its conversation stayed busy (a bot process that died
 * holding it) or took longer than the webhook's 9 s: it is answered 503, Telegram delivers it
 * again, and the conversation runner applies it once. A body that is not an update gets 400.
 */
export async function createBotsServer(deps: BotsServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion sets Fastify's Logger type parameter (FastifyBaseLogger, not pino's Logger) that plugins expect
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1_048_576,
    trustProxy: deps.trustedProxies?.length ? [...deps.trustedProxies] : false,
  });

  app.get('/healthz', async (_req, reply) => {
    const [database, redis] = await Promise.all([pingDatabase(deps.db), pingRedis(deps.redis)]);
    return reply
      .code(database && redis ? 200 : 503)
      .send({ status: database && redis ? 'ok' : 'unavailable', database, redis });
  });

  if (deps.telegram) {
    const secretToken = deps.telegram.secretToken;
    const handler = webhookCallback(deps.telegram.bot, 'fastify', {
      secretToken: deps.telegram.secretToken,
      // Not 'return': an update answered 200 while it still waits would let Telegram send the next
      // one of the same chat, which could then overtake it. A timeout is answered 503 (below).
      onTimeout: 'throw',
      timeoutMilliseconds: 9_000,
    });
    app.post('/telegram/webhook', async (request, reply) => {
      const update = request.body as { update_id?: unknown } | null | undefined;
      if (typeof update !== 'object' || update === null || !Number.isSafeInteger(update.update_id)) {
        // Only a caller that knows the secret gets this far; anything but an update is refused.
        if (!sameSecret(request.headers['x-telegram-bot-api-secret-token'], secretToken))
          return reply.code(401).send('"unauthorized"');
        return reply
          .code(400)
          .send({ ok: false, description: 'the body must be a Telegram Update object with an integer update_id' });
      }
      try {
        return await handler(request, reply);
      } catch (error) {
        // Not acknowledged: Telegram delivers this update again, and it is handled once the
        // conversation is free (a dead bot process's lock expires by itself).
        const timedOut = error instanceof Error && /^Request timed out after/.test(error.message); // grammY's webhook timeout
        if (timedOut || (error instanceof BotError && error.error instanceof ConversationBusyError)) {
          return reply.code(503).header('retry-after', '5').send({
            ok: false,
            description: 'the conversation is busy with an earlier update; deliver this one again',
          });
        }
        throw error;
      }
    });
  }
  await deps.directLine.register(app);
  tunnelRoutes(app, { isKnownTunnel: (tunnel) => deps.isKnownTunnel(tunnel), publicUrl: deps.publicUrl });
  if (deps.botFramework)
    botFrameworkRoute(app, { ...deps.botFramework, logger: deps.logger.child({ component: 'bot-framework' }) });
  return app;
}

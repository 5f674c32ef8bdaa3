import type { FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import {
  createKeyring,
  createRedis,
  MissingDataKeyError,
  RateLimiter,
  type Logger,
  type RelaisConfig,
} from '@relais/core';
import { createDatabase, isKnownTunnel } from '@relais/db';
import { ConversationRunner } from './flow/conversation-runner.js';
import { DraftStore } from './flow/draft-store.js';
import { createBotsServer } from './http/bots-server.js';
import { IntakeQueue } from './intake/intake-queue.js';
import { ErasureQueue } from './maintenance/erasure-queue.js';
import { createFlowServices } from './services/create-flow-services.js';
import { ReplyDesk } from './telegram/reply-desk.js';
import { ReporterAnswers } from './telegram/reporter-answers.js';
import { createTelegramBot } from './telegram/telegram-bot.js';
import { TelegramReplies } from './telegram/telegram-replies.js';
import { createDirectLineEndpoint, type DirectLineEndpoint } from './webchat/directline-endpoint.js';
import { createWebFollowUp } from './webchat/follow-up/web-follow-up.js';
import { WebChatBot } from './webchat/webchat-bot.js';

/** A running (or ready to run) bots service. */
export interface BotsService {
  readonly server: FastifyInstance;
  readonly telegram: Bot | undefined;
  /** Stops polling, closes the HTTP server, the queue and the connections. */
  close(): Promise<void>;
}

/** Options of {@link createBotsService} that tests and the load harness set. */
export interface BotsServiceOptions {
  readonly botInfo?: UserFromGetMe;
  /** Bot API 429 retries (default 3 attempts, waiting at most 30 s each). */
  readonly maxRetryAttempts?: number;
  readonly maxRetryDelaySeconds?: number;
  /** Direct Line flood limits (default on); load harnesses on loopback turn them off. */
  readonly directLineRateLimits?: boolean;
  /** The Telegram per-chat flood limit (default on); a fuzzer replaying thousands of updates from a few chats turns it off. */
  readonly telegramChatLimits?: boolean;
}

/**
 * Wires the bots service from its config: Redis, database, the intake queue, the shared
 * conversation runner, the Telegram channel (when `TELEGRAM_BOT_TOKEN` is set), the web chat
 * (Direct Line endpoint, tunnel pages, widget; `/api/messages` with Azure credentials) and the
 * HTTP server. Does not listen; call `server.listen`.
 */
export async function createBotsService(
  config: RelaisConfig,
  logger: Logger,
  options: BotsServiceOptions = {},
): Promise<BotsService> {
  if (!config.dataKey) throw new MissingDataKeyError('the bots');
  const keyring = createKeyring(config.dataKey);
  const redis = createRedis(config.redisUrl, 'relais-bots');
  const db = createDatabase({ connectionString: config.databaseUrl, applicationName: 'relais-bots', max: 4 });
  const intake = new IntakeQueue(redis, config.queuePrefix, keyring);
  const erasure = new ErasureQueue(redis, config.queuePrefix);
  const drafts = new DraftStore(redis, keyring, config.queuePrefix);
  const followUp = createWebFollowUp({
    db,
    redis,
    keyring,
    prefix: config.queuePrefix,
    erasure,
    logger: logger.child({ component: 'follow-up' }),
  });
  const services = createFlowServices({
    redis,
    prefix: config.queuePrefix,
    keyring,
    db,
    intake,
    erasure,
    followUp: followUp.phrases,
    publicUrl: config.publicUrl,
  });
  const runner = new ConversationRunner(drafts, services, logger.child({ component: 'flow' }));

  let telegram: Bot | undefined;
  if (config.telegram.token) {
    telegram = createTelegramBot({
      token: config.telegram.token,
      apiRoot: config.telegram.apiRoot,
      botInfo: options.botInfo,
      redis,
      prefix: config.queuePrefix,
      keyring,
      runner,
      replies: new TelegramReplies({
        desk: new ReplyDesk(redis, keyring, config.queuePrefix),
        answers: new ReporterAnswers(db, keyring),
        drafts,
        limiter: new RateLimiter(redis, { prefix: config.queuePrefix, keyring }),
        logger: logger.child({ component: 'telegram-replies' }),
      }),
      logger: logger.child({ component: 'telegram' }),
      ...(options.telegramChatLimits === false ? { chatLimit: null } : {}),
      ...(options.maxRetryAttempts !== undefined ? { maxRetryAttempts: options.maxRetryAttempts } : {}),
      ...(options.maxRetryDelaySeconds !== undefined ? { maxRetryDelaySeconds: options.maxRetryDelaySeconds } : {}),
    });
    await telegram.init();
  }
  const webBot = new WebChatBot({
    runner,
    keyring,
    logger: logger.child({ component: 'webchat' }),
    tunnelOf: async (conversationId) => (await directLine.store.find(conversationId))?.tunnel ?? null,
  });
  const directLine: DirectLineEndpoint = createDirectLineEndpoint({
    redis,
    keyring,
    prefix: config.queuePrefix,
    logger: logger.child({ component: 'directline' }),
    bot: webBot,
    rateLimits: options.directLineRateLimits ?? true,
    publicUrl: config.publicUrl,
    streamLimits: config.directLineStreams,
  });
  const server = await createBotsServer({
    db,
    redis,
    logger,
    directLine,
    isKnownTunnel: (tunnel) => isKnownTunnel(db, tunnel),
    publicUrl: config.publicUrl,
    trustedProxies: config.trustedProxies,
    ...(config.microsoft ? { botFramework: { credentials: config.microsoft, bot: webBot } } : {}),
    telegram:
      telegram && config.telegram.mode === 'webhook' && config.telegram.webhookSecret
        ? { bot: telegram, secretToken: config.telegram.webhookSecret }
        : undefined,
  });
  followUp.register(server);
  return {
    server,
    telegram,
    async close() {
      if (telegram?.isRunning()) await telegram.stop();
      await server.close();
      directLine.close();
      await intake.close();
      await erasure.close();
      await db.destroy();
      redis.disconnect();
    },
  };
}

import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { INTAKE_QUEUE, createKeyring, openSubmission, type Keyring, type RelaisConfig, type ReportSubmission } from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db';
import { createBotsService, type BotsService } from '@relais/bots';
import { fakeTelegram, FAKE_BOT, type BotApiCall } from './fake-telegram.ts';
import { capturedLogger } from './log-capture.ts';
import type { TelegramUser } from './telegram-updates.ts';
import { testConfig } from './test-config.ts';

const SECRET = 'webhook-stack-secret-0123456789';

/** What one chat was sent by the bot, as the person sees it. */
export interface ChatView {
  texts(): string[];
  calls(): BotApiCall[];
}

/**
 * The bots service in webhook mode on a fresh database and queue prefix, with the Bot API
 * intercepted by msw: what a test needs to play Telegram against the real webhook route.
 */
export interface TelegramWebhookStack {
  readonly config: RelaisConfig;
  readonly keyring: Keyring;
  readonly redis: Redis;
  readonly intake: Queue;
  readonly logs: ReturnType<typeof capturedLogger>;
  /** Posts one update to `POST /telegram/webhook`; resolves with the HTTP status. */
  deliver(update: unknown, secret?: string | null): Promise<number>;
  chat(user: TelegramUser): ChatView;
  /** The submissions on the intake queue, opened. */
  submissions(): Promise<ReportSubmission[]>;
  close(): Promise<void>;
}

/** Starts a {@link TelegramWebhookStack}; `name` tags its database and Bot API host. */
export async function startTelegramWebhookStack(name: string): Promise<TelegramWebhookStack> {
  const telegram = fakeTelegram(`http://${name}.invalid`);
  telegram.server.listen({ onUnhandledRequest: 'bypass' });
  const logs = capturedLogger(name);
  const t: TestDatabase = await createTestDatabase(testConfig().databaseUrl, name.replace(/[^a-z0-9]/g, '').slice(0, 20));
  const config = testConfig({
    DATABASE_URL: t.url,
    TELEGRAM_BOT_TOKEN: '123456789:AAWebhook_stack_token_relais_00',
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: telegram.apiRoot,
  });
  const keyring = createKeyring(config.dataKey!);
  const bots: BotsService = await createBotsService(config, logs.logger, { botInfo: FAKE_BOT, maxRetryDelaySeconds: 2 });
  const url = await bots.server.listen({ host: '127.0.0.1', port: 0 });
  const redis = new Redis(config.redisUrl);
  const intake = new Queue(INTAKE_QUEUE, { connection: redis, prefix: config.queuePrefix });
  return {
    config,
    keyring,
    redis,
    intake,
    logs,
    async deliver(update, secret = SECRET) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
      const response = await fetch(`${url}/telegram/webhook`, { method: 'POST', headers, body: typeof update === 'string' ? update : JSON.stringify(update) });
      await response.arrayBuffer();
      return response.status;
    },
    chat(user) {
      const calls = () => telegram.calls.filter((c) => c.body.chat_id === user.chatId);
      return { calls, texts: () => calls().filter((c) => c.method === 'sendMessage').map((c) => String(c.body.text)) };
    },
    async submissions() {
      const jobs = await intake.getJobs(['waiting', 'delayed', 'active', 'completed']);
      return jobs.map((job) => openSubmission(keyring, job.data));
    },
    async close() {
      await bots.close();
      await intake.close();
      telegram.server.close();
      const keys = await redis.keys(`${config.queuePrefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await t.drop();
    },
  };
}

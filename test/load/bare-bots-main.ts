/**
 * The load's bare baseline, run as a process in place of a bots process: a grammY webhook bot that
 * only answers each update, and the same Direct Line endpoint code with a botbuilder bot that only
 * echoes, on the same routes and the same Redis. No flow, no drafts, no queue.
 */
import Fastify from 'fastify';
import { Bot, webhookCallback } from 'grammy';
import { Redis } from 'ioredis';
import { createKeyring, createLogger, loadConfigOrExit } from '@relais/core';
import { createDirectLineEndpoint } from '@relais/bots';
import { EchoBot } from '../support/echo-bot.ts';
import { FAKE_BOT } from '../support/fake-telegram.ts';

const config = loadConfigOrExit();
const logger = createLogger({ service: 'bare-bots', level: 'silent' });
const bot = new Bot(config.telegram.token!, { botInfo: FAKE_BOT, client: { apiRoot: config.telegram.apiRoot } });
bot.on('message', (ctx) => ctx.reply('ok'));
bot.on('callback_query', async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply('ok');
});
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const directLine = createDirectLineEndpoint({
  redis,
  keyring: createKeyring(config.dataKey!),
  prefix: `${config.queuePrefix}-bare`,
  logger,
  bot: new EchoBot(),
  rateLimits: false,
});
const app = Fastify();
app.get('/healthz', async () => ({ status: 'ok' }));
app.post('/telegram/webhook', webhookCallback(bot, 'fastify', { secretToken: config.telegram.webhookSecret! }));
await directLine.register(app);
await app.listen({ host: '127.0.0.1', port: config.ports.bots });
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void app.close().then(() => process.exit(0)));

import Fastify, { type FastifyInstance } from 'fastify';
import { Bot, webhookCallback } from 'grammy';
import { createLogger } from '@relais/core';
import { createTestDatabase } from '@relais/db/testing';
import { createBotsService } from '@relais/bots';
import type { BenchResult } from './bench-result.js';
import { median } from './median.js';
import { runRatios } from './run-ratios.ts';
import { FAKE_BOT } from '../support/fake-telegram.ts';
import { TelegramUser, telegramReportScript } from '../support/telegram-updates.ts';
import { startFakeBotApi } from '../load/fake-bot-api.ts';
import { testConfig } from '../support/test-config.ts';
import { deletePrefixKeys } from '../support/redis-scan.ts';

const RUNS = 5;
const USERS = 32;
const SECRET = 'bench-webhook-secret-0123456789';
const TOKEN = '123456789:AABench_token_for_relais_00000000';

/** The bare baseline: a grammY bot behind the same kind of webhook that only answers each update. */
async function bareBot(apiRoot: string): Promise<{ app: FastifyInstance; url: string }> {
  const bot = new Bot(TOKEN, { botInfo: FAKE_BOT, client: { apiRoot } });
  bot.on('message', (ctx) => ctx.reply('ok'));
  bot.on('callback_query', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply('ok');
  });
  const app = Fastify();
  app.post('/telegram/webhook', webhookCallback(bot, 'fastify', { secretToken: SECRET }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

let firstUpdateId = 1_000_000;

/** Updates per second: USERS people each walk a full report, one update after the other. */
async function measure(url: string): Promise<number> {
  const users = Array.from(
    { length: USERS },
    (_, i) => new TelegramUser(900_000_000 + i, 'fr', (firstUpdateId += 1_000)),
  );
  const scripts = users.map((u) => [...telegramReportScript(u, { tunnel: 'montpellier' }), u.tap('c:submitted:keep')]);
  const total = scripts.reduce((n, s) => n + s.length, 0);
  const started = process.hrtime.bigint();
  await Promise.all(
    scripts.map(async (updates) => {
      for (const update of updates) {
        const response = await fetch(`${url}/telegram/webhook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body: JSON.stringify(update),
        });
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        await response.arrayBuffer();
      }
    }),
  );
  return total / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * Telegram updates handled per second through `POST /telegram/webhook` (secret checked, dedup,
 * lock, sealed draft in Redis, the flow, Bot API calls to a fake on loopback, intake enqueue on
 * send), 32 people each walking a full 17-update report; against a bare grammY webhook bot that
 * only answers each update, in the same run. Issue 4 aims for at least half the bare rate.
 */
export default async function bench(): Promise<BenchResult[]> {
  const api = await startFakeBotApi();
  const base = testConfig();
  const t = await createTestDatabase(base.databaseUrl, 'benchtg');
  const config = testConfig({
    DATABASE_URL: t.url,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: api.url,
  });
  const relais = await createBotsService(config, createLogger({ service: 'bench', level: 'silent' }), {
    botInfo: FAKE_BOT,
  });
  const relaisUrl = await relais.server.listen({ host: '127.0.0.1', port: 0 });
  const bare = await bareBot(api.url);
  const relaisRates: number[] = [];
  const bareRates: number[] = [];
  try {
    await measure(relaisUrl); // warm-up
    await measure(bare.url);
    for (let i = 0; i < RUNS; i++) {
      relaisRates.push(await measure(relaisUrl));
      bareRates.push(await measure(bare.url));
    }
  } finally {
    await relais.close();
    await bare.app.close();
    await api.close();
    await deletePrefixKeys(config.redisUrl, config.queuePrefix);
    await t.drop();
  }
  const value = median(relaisRates);
  const baseline = median(bareRates);
  return [
    {
      name: 'Telegram updates through the webhook',
      unit: 'updates/s',
      value,
      baseline: { name: 'bare grammY webhook bot answering each update', value: baseline },
      ratio: value / baseline,
      runs: RUNS,
      notes: `${USERS} concurrent people × 17-update full reports per run, fake Bot API on loopback; target ratio >= 0.5; ratio of each run ${runRatios(relaisRates, bareRates)}`,
    },
  ];
}

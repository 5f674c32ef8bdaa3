import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createKeyring, createLogger } from '@relais/core';
import { createPartner } from '@relais/db';
import { createTestDatabase } from '@relais/db/testing';
import { createBotsService, createDirectLineEndpoint } from '@relais/bots';
import type { BenchResult } from './bench-result.js';
import { median } from './median.js';
import { runRatios } from './run-ratios.ts';
import { EchoBot } from '../support/echo-bot.ts';
import { testConfig } from '../support/test-config.ts';
import { WEB_REPORT_SCRIPT as SCRIPT } from './web-report-script.ts';

const RUNS = 5;
const PEOPLE = 32;

/** Walks one conversation over raw Direct Line HTTP; each POST returns once the bot's turn ran. */
async function converse(base: string, expectReceipt: boolean): Promise<void> {
  const json = { 'content-type': 'application/json' };
  const granted = (await (
    await fetch(`${base}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: json,
      body: '{"tunnel":"montpellier"}',
    })
  ).json()) as { token: string; conversationId: string };
  const auth = { ...json, authorization: `Bearer ${granted.token}` };
  await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: auth });
  for (const answer of SCRIPT) {
    const response = await fetch(`${base}/v3/directline/conversations/${granted.conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', from: { id: 'person' }, ...answer }),
    });
    if (response.status !== 200) throw new Error(`Direct Line answered ${response.status}`);
  }
  const { activities } = (await (
    await fetch(`${base}/v3/directline/conversations/${granted.conversationId}/activities`, { headers: auth })
  ).json()) as {
    activities: { text?: string }[];
  };
  // The echo bot never gives a receipt; the real one must have, or the run measured nothing.
  if (expectReceipt && !activities.some((a) => /[A-Z0-9]{4}-[A-Z0-9]{4}/.test(a.text ?? '')))
    throw new Error('no receipt: the report was not submitted');
}

/** Complete conversations per second with `PEOPLE` people at once. */
async function rate(base: string, echo = false): Promise<number> {
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: PEOPLE }, () => converse(base, !echo)));
  return PEOPLE / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * Complete report conversations per second over the self-hosted Direct Line endpoint on loopback
 * (the real bots service: flow, sealed drafts, reference reservation, intake enqueue), against a
 * bare botbuilder echo bot behind the same endpoint code in the same run. Also records the widget's
 * gzipped size.
 */
export default async function bench(): Promise<BenchResult[]> {
  const database = await createTestDatabase(testConfig().databaseUrl, 'benchdl');
  const config = testConfig({ DATABASE_URL: database.url });
  await createPartner(database.db, {
    slug: 'montpellier',
    name: 'Montpellier',
    scope: [{ tunnels: ['montpellier'], postalCodes: [] }],
  });
  const logger = createLogger({ service: 'bench', level: 'silent' });
  const bots = await createBotsService(config, logger, { directLineRateLimits: false });
  const botsUrl = await bots.server.listen({ host: '127.0.0.1', port: 0 });
  const redis = new Redis(config.redisUrl);
  const echo = createDirectLineEndpoint({
    redis,
    keyring: createKeyring(config.dataKey!),
    prefix: `${config.queuePrefix}-echo`,
    logger,
    bot: new EchoBot(),
    rateLimits: false,
  });
  const echoApp = Fastify();
  await echo.register(echoApp);
  const echoUrl = await echoApp.listen({ host: '127.0.0.1', port: 0 });
  const real: number[] = [];
  const bare: number[] = [];
  try {
    await rate(botsUrl); // warm-up
    for (let run = 0; run < RUNS; run++) {
      bare.push(await rate(echoUrl, true));
      real.push(await rate(botsUrl));
    }
  } finally {
    await bots.close();
    await echoApp.close();
    echo.close();
    const keys = await redis.keys(`${config.queuePrefix}*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    redis.disconnect();
    await database.drop();
  }
  const widget = readFileSync(fileURLToPath(new URL('../../bots/public/widget.js', import.meta.url)));
  const value = median(real);
  const baseline = median(bare);
  return [
    {
      name: 'complete web reports over Direct Line',
      unit: 'conversations/s',
      value,
      baseline: { name: 'bare botbuilder echo bot, same endpoint, same messages', value: baseline },
      ratio: value / baseline,
      runs: RUNS,
      notes: `${PEOPLE} people at once, ${SCRIPT.length} messages each, raw HTTP on loopback; widget.js ${(gzipSync(widget).length / 1024).toFixed(1)} KB gzipped (budget 40 KB); target ratio >= 0.5; ratio of each run ${runRatios(real, bare)}`,
    },
  ];
}

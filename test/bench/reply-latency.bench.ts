import { performance } from 'node:perf_hooks';
import { currentEnvironment } from '@relais/core';
import { createPartner } from '@relais/db';
import { createTestDatabase } from '@relais/db/testing';
import type { BenchResult } from './bench-result.js';
import { median } from './median.js';
import { runRatios } from './run-ratios.ts';
import { startReplyClockApi, type ReplyClockApi } from './reply-clock-api.ts';
import { WEB_REPORT_SCRIPT } from './web-report-script.ts';
import { percentiles, type Percentiles } from '../load/load-run.ts';
import { loadClientAddress } from '../load/directline-player.ts';
import { freePort } from '../support/free-port.ts';
import { startServiceProcess, stopServiceProcess, type ServiceProcess } from '../support/service-process.ts';
import { TelegramUser, telegramReportScript } from '../support/telegram-updates.ts';
import { testConfig } from '../support/test-config.ts';
import { deletePrefixKeys } from '../support/redis-scan.ts';

const RUNS = 5;
/** 64 conversations at once: half on Telegram, half on the web chat. */
const TELEGRAM_PEOPLE = 32;
const WEB_PEOPLE = 32;
const SECRET = 'bench-reply-webhook-secret-0123456789';
const TOKEN = '123456789:AABench_reply_token_for_relais_000';
const TUNNEL = 'montpellier';

/** Reply times of one run, in ms, by channel. */
interface RunTimes {
  readonly telegram: number[];
  readonly web: number[];
  /** Messages after which no reply was seen (a tick answered by the toggle alone, or nothing). */
  silent: number;
  /** Reply times by step of the walk (a choice value, or what was typed), both channels. */
  readonly byStep: Map<string, number[]>;
}

/** Notes one reply time, under its channel and its step. */
function note(times: RunTimes, channel: 'telegram' | 'web', step: string, ms: number): void {
  times[channel].push(ms);
  const list = times.byStep.get(step) ?? [];
  list.push(ms);
  times.byStep.set(step, list);
}

/** The step of a Telegram update: its button's choice, or what kind of text it was. */
function telegramStep(update: Record<string, unknown>): string {
  const data = (update.callback_query as { data?: string } | undefined)?.data;
  if (data) return data.replace(/^c:/, '');
  const text = (update.message as { text?: string } | undefined)?.text ?? '';
  return text.startsWith('/') ? text.split(' ')[0]! : /^\d{5}$/.test(text) ? 'postal code' : 'narrative';
}

/**
 * One Telegram person walking a full report through the webhook, one update after the other:
 * each update's time from being sent to the bot's first reply call reaching the fake Bot API.
 */
async function telegramPerson(url: string, api: ReplyClockApi, user: TelegramUser, times: RunTimes): Promise<void> {
  for (const update of [...telegramReportScript(user, { tunnel: TUNNEL }), user.tap('c:submitted:keep')]) {
    const sent = performance.now();
    const response = await fetch(`${url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    // The webhook answers once the update was handled: its replies have all arrived by now.
    const replied = api.firstReplyAfter(user.chatId, sent);
    if (replied === undefined) times.silent += 1;
    else note(times, 'telegram', telegramStep(update), replied - sent);
  }
}

type StoredActivity = { type: string; from: { id: string; role?: string }; timestamp: string };

/**
 * One web person walking a full report over raw Direct Line HTTP (its own client address, as a
 * load balancer would say): each message's time from being sent to the bot's first reply activity
 * being appended, read from the timestamp the store gives each activity (Redis' clock, ms).
 */
async function webPerson(url: string, n: number, times: RunTimes, expectReceipt: boolean): Promise<void> {
  const json = { 'content-type': 'application/json', 'x-forwarded-for': loadClientAddress(n) };
  const granted = (await (
    await fetch(`${url}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ tunnel: TUNNEL, locale: 'fr-FR' }),
    })
  ).json()) as { token: string; conversationId: string };
  const auth = { ...json, authorization: `Bearer ${granted.token}` };
  const activities = `${url}/v3/directline/conversations/${granted.conversationId}/activities`;
  await (await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: auth })).arrayBuffer();
  const sentAt: number[] = [];
  for (const answer of WEB_REPORT_SCRIPT) {
    // Date.now(): the wall clock Redis' TIME reads too, so the stored timestamps compare with it.
    sentAt.push(Date.now());
    const response = await fetch(activities, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', from: { id: 'person' }, ...answer }),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`Direct Line answered ${response.status}`);
  }
  const transcript = (await (await fetch(activities, { headers: auth })).json()) as {
    activities: (StoredActivity & { text?: string })[];
  };
  if (expectReceipt && !transcript.activities.some((a) => /[A-Z0-9]{4}-[A-Z0-9]{4}/.test(a.text ?? '')))
    throw new Error('no receipt: the web report was not submitted');
  let message = -1;
  let waiting = false;
  for (const activity of transcript.activities) {
    if (activity.from.role === 'user' && activity.type === 'message') {
      if (waiting) times.silent += 1;
      message += 1;
      waiting = true;
    } else if (waiting && activity.type === 'message' && message >= 0) {
      const answer = WEB_REPORT_SCRIPT[message]!;
      const step = answer.value?.choice ?? (/^\d{5}$/.test(answer.text) ? 'postal code' : 'narrative');
      note(times, 'web', step, Date.parse(activity.timestamp) - sentAt[message]!);
      waiting = false;
    }
  }
  if (waiting) times.silent += 1;
  if (message !== WEB_REPORT_SCRIPT.length - 1) throw new Error(`${message + 1} of the person's messages stored`);
}

let nextPerson = 0;

/** One run: the 64 conversations at once against the service at `url`. */
async function run(url: string, api: ReplyClockApi, bare: boolean): Promise<RunTimes> {
  const times: RunTimes = { telegram: [], web: [], silent: 0, byStep: new Map() };
  const first = (nextPerson += 1_000);
  await Promise.all([
    ...Array.from({ length: TELEGRAM_PEOPLE }, (_, i) =>
      telegramPerson(url, api, new TelegramUser(920_000_000 + first + i, 'fr', (first + i) * 100), times),
    ),
    ...Array.from({ length: WEB_PEOPLE }, (_, i) => webPerson(url, first + i, times, !bare)),
  ]);
  return times;
}

/** Median over the runs of each percentile. */
function medianPercentiles(runs: readonly Percentiles[]): Percentiles {
  return {
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    count: runs.reduce((n, r) => n + r.count, 0),
  };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const spread = (p: Percentiles) => `p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)}`;

/** Starts a bots process (`bots`: Relais; `bareBots`: the bare grammY + echo baseline) on a port of its own. */
async function botsProcess(name: string, entry: 'bots' | 'bareBots', env: Record<string, string>) {
  const port = await freePort();
  return startServiceProcess(
    name,
    entry,
    port,
    { ...env, BOTS_PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
    60_000,
  );
}

/**
 * The reporter-perceived reply time on the server side: 64 people at once (32 on the Telegram
 * webhook, 32 on Direct Line) each walk a full report; for every message, the time from its being
 * sent on loopback to the bot's first reply being written out (Telegram: the first sendMessage /
 * editMessageText / editMessageReplyMarkup call reaching the fake Bot API; Direct Line: the first
 * bot activity appended after it, by its stored timestamp). Relais runs as a bots process of its
 * own, as in production; the baseline is the load bench's bare bots process (grammY answering each
 * update, the same Direct Line endpoint code with a botbuilder echo bot) walked the same way in
 * the same run. No production code is hooked: both clocks are outside the bots process.
 */
export default async function bench(): Promise<BenchResult[]> {
  const api = await startReplyClockApi();
  const database = await createTestDatabase(testConfig().databaseUrl, 'benchreply');
  await createPartner(database.db, {
    slug: TUNNEL,
    name: 'Montpellier',
    scope: [{ tunnels: [TUNNEL], postalCodes: [] }],
  });
  const config = testConfig({ DATABASE_URL: database.url });
  const env = currentEnvironment();
  const common: Record<string, string> = {
    PATH: env.PATH ?? '',
    HOME: env.HOME ?? '/tmp',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    DATA_KEY: config.dataKey!.toString('base64'),
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: api.url,
    // The bench plays a load balancer on loopback: per-client limits read X-Forwarded-For.
    TRUST_PROXY: 'loopback',
  };
  const started: ServiceProcess[] = [];
  const relaisRuns: RunTimes[] = [];
  const bareRuns: RunTimes[] = [];
  try {
    const relais = await botsProcess('bots', 'bots', common);
    started.push(relais);
    const bare = await botsProcess('bare bots', 'bareBots', common);
    started.push(bare);
    const relaisUrl = `http://127.0.0.1:${relais.port}`;
    const bareUrl = `http://127.0.0.1:${bare.port}`;
    await run(relaisUrl, api, false); // warm-up
    await run(bareUrl, api, true);
    for (let i = 0; i < RUNS; i++) {
      relaisRuns.push(await run(relaisUrl, api, false));
      bareRuns.push(await run(bareUrl, api, true));
    }
  } finally {
    await Promise.all(started.map((s) => stopServiceProcess(s).catch(() => undefined)));
    await api.close();
    await deletePrefixKeys(config.redisUrl, config.queuePrefix);
    await database.drop();
  }
  const figure = (runs: readonly RunTimes[], pick: (r: RunTimes) => number[]) =>
    medianPercentiles(runs.map((r) => percentiles(pick(r))));
  const rows: [string, (r: RunTimes) => number[]][] = [
    ['all 64', (r) => [...r.telegram, ...r.web]],
    ['Telegram (32)', (r) => r.telegram],
    ['Direct Line (32)', (r) => r.web],
  ];
  const silent = median(relaisRuns.map((r) => r.silent));
  // Where Relais' slowest replies come from: the steps with the highest p95, both channels.
  const slowest = [...relaisRuns[0]!.byStep.keys()]
    .map((step) => ({ step, p95: median(relaisRuns.map((r) => percentiles(r.byStep.get(step) ?? []).p95)) }))
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, 3)
    .map((s) => `${s.step} ${ms(s.p95)}`)
    .join(', ');
  return rows.map(([label, pick], i) => {
    const value = figure(relaisRuns, pick);
    const baseline = figure(bareRuns, pick);
    return {
      name: `bot reply p95 (server side), 64 conversations at once: ${label}`,
      unit: 'ms',
      value: value.p95,
      baseline: {
        name: `bare bots (grammY answering, botbuilder echo), same conversations, p95`,
        value: baseline.p95,
      },
      ratio: value.p95 / baseline.p95,
      runs: RUNS,
      notes: [
        `Relais ${spread(value)}; bare ${spread(baseline)} (medians of the runs' percentiles, ${value.count} replies in all); p95 ratio of each run ${runRatios(
          relaisRuns.map((r) => percentiles(pick(r)).p95),
          bareRuns.map((r) => percentiles(pick(r)).p95),
        )}`,
        ...(i === 0
          ? [
              `32 Telegram people × 18 updates (webhook sent → first sendMessage/edit call at the fake Bot API) and 32 web people × ${WEB_REPORT_SCRIPT.length} messages (POST sent → first bot activity's stored timestamp, Redis clock, 1 ms resolution), all at once on loopback; Relais and the bare bots each in a process of their own, as in production, client and fake Bot API in the bench process; ${silent ? `${silent} messages per run had no reply of their own, left out; ` : 'every message had a reply; '}slowest steps (p95, both channels): ${slowest}; ratio = Relais / bare (lower is better)`,
            ]
          : []),
      ].join('; '),
    };
  });
}

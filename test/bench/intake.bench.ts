import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { createKeyring, createLogger, INTAKE_JOB, INTAKE_JOB_OPTIONS, INTAKE_QUEUE, loadConfig, sealSubmission, type RelaisConfig } from '@relais/core';
import { createTestDatabase } from '@relais/db';
import { createWorkerService, DEFAULT_QUEUE_SETTINGS } from '@relais/worker';
import { submission } from '../support/submissions.ts';
import type { BenchResult } from './bench-result.js';
import { median } from './median.js';

const JOBS = 2_000;
const RUNS = 5;
const CONCURRENCY = DEFAULT_QUEUE_SETTINGS[INTAKE_QUEUE]!.concurrency;

/** Adds `JOBS` sealed intake jobs to an empty queue under a fresh prefix; returns that prefix. */
async function fill(redis: Redis, config: RelaisConfig): Promise<string> {
  const prefix = `relais-bench-${randomBytes(4).toString('hex')}`;
  const keyring = createKeyring(config.dataKey!);
  const queue = new Queue(INTAKE_QUEUE, { connection: redis, prefix });
  const jobs = Array.from({ length: JOBS }, () => {
    const s = submission({ tunnel: 'montpellier', reporterKey: randomBytes(32).toString('hex') });
    return { name: INTAKE_JOB, data: sealSubmission(keyring, s), opts: { ...INTAKE_JOB_OPTIONS, jobId: s.id } };
  });
  for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
  await queue.close();
  return prefix;
}

/**
 * Jobs per second on `prefix` once `start` started consuming them: from the first completion to
 * the last, so that start-up (connections, checks) is not counted, for either worker.
 */
async function drainRate(redis: Redis, prefix: string, start: () => Promise<() => Promise<void>>): Promise<number> {
  const events = new QueueEvents(INTAKE_QUEUE, { connection: redis.duplicate(), prefix });
  await events.waitUntilReady();
  let completed = 0;
  let first = 0n;
  const done = new Promise<bigint>((resolve) =>
    events.on('completed', () => {
      if (++completed === 1) first = process.hrtime.bigint();
      if (completed >= JOBS) resolve(process.hrtime.bigint());
    }),
  );
  const stop = await start();
  const last = await done;
  const rate = (JOBS - 1) / (Number(last - first) / 1e9);
  await stop();
  await events.close();
  const queue = new Queue(INTAKE_QUEUE, { connection: redis, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
  return rate;
}

/**
 * Intake throughput: reports opened, validated, tagged and stored per second by the real worker
 * (concurrency as in production, with PII detection), against a bare BullMQ worker
 * completing no-op jobs of the same queue, payloads, Redis and concurrency, in the same run.
 * Issue 5 asks for at least 40 % of the bare rate.
 */
export default async function bench(): Promise<BenchResult[]> {
  const base = loadConfig();
  const database = await createTestDatabase(base.databaseUrl, 'benchintake');
  const config = loadConfig({ DATABASE_URL: database.url, REDIS_URL: base.redisUrl, DATA_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'silent' });
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const logger = createLogger({ service: 'bench', level: 'silent' });
  const real: number[] = [];
  const bare: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const barePrefix = await fill(redis, config);
      bare.push(
        await drainRate(redis, barePrefix, async () => {
          const worker = new Worker(INTAKE_QUEUE, async () => undefined, { connection: redis.duplicate(), prefix: barePrefix, concurrency: CONCURRENCY });
          return () => worker.close();
        }),
      );
      const realPrefix = await fill(redis, config);
      real.push(
        await drainRate(redis, realPrefix, async () => {
          const service = await createWorkerService({ ...config, queuePrefix: realPrefix }, logger);
          return async () => void (await service.close());
        }),
      );
      await database.db.deleteFrom('reports').execute();
    }
  } finally {
    redis.disconnect();
    await database.drop();
  }
  const value = median(real);
  const baseline = median(bare);
  return [
    {
      name: 'intake jobs stored and tagged',
      unit: 'jobs/s',
      value,
      baseline: { name: `bare BullMQ worker, no-op jobs, concurrency ${CONCURRENCY}`, value: baseline },
      ratio: value / baseline,
      runs: RUNS,
      notes: `${JOBS} jobs per run, concurrency ${CONCURRENCY}, opening, validation, PII scan, keyed MinHash, sealing, tunnel lookup, duplicate check and a durable insert per report; target ratio >= 0.40`,
    },
  ];
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  createKeyring,
  createLogger,
  INTAKE_JOB,
  INTAKE_JOB_OPTIONS,
  INTAKE_QUEUE,
  loadConfig,
  sealSubmission,
  type RelaisConfig,
} from '@relais/core';
import { createTestDatabase } from '@relais/db/testing';
import { createWorkerService, DEFAULT_QUEUE_SETTINGS } from '@relais/worker';
import { freePort } from '../support/free-port.ts';
import { submission } from '../support/submissions.ts';
import { startWorkerProcess, workerEnvironment } from '../support/worker-process.ts';
import type { BenchResult } from './bench-result.js';
import { median } from './median.js';

// Long enough that each drain lasts seconds for the bare worker too (6,000 were drained in about half a second).
const JOBS = 12_000;
const RUNS = 5;
const PROCESS_RUNS = 3;
const CONCURRENCY = DEFAULT_QUEUE_SETTINGS[INTAKE_QUEUE]!.concurrency;
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Adds `JOBS` sealed intake jobs to an empty queue under a fresh prefix; returns that prefix. */
async function fill(redis: Redis, config: RelaisConfig, { paused = false } = {}): Promise<string> {
  const prefix = `relais-bench-${randomBytes(4).toString('hex')}`;
  const keyring = createKeyring(config.dataKey!);
  const queue = new Queue(INTAKE_QUEUE, { connection: redis, prefix });
  if (paused) await queue.pause();
  const jobs = Array.from({ length: JOBS }, () => {
    const s = submission({ tunnel: 'montpellier', reporterKey: randomBytes(32).toString('hex') });
    return { name: INTAKE_JOB, data: sealSubmission(keyring, s), opts: { ...INTAKE_JOB_OPTIONS, jobId: s.id } };
  });
  for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
  await queue.close();
  return prefix;
}

/** What one drain measured. */
interface Drain {
  readonly rate: number;
  /** CPU time of this process per job meanwhile (user + system, µs): the in-process worker's cost. */
  readonly cpuPerJob: number;
}

/**
 * Jobs per second on `prefix` once `start` started consuming them: from the first completion to
 * the last, so that start-up (connections, checks) is not counted, for either worker.
 */
async function drain(redis: Redis, prefix: string, start: () => Promise<() => Promise<void>>): Promise<Drain> {
  const events = new QueueEvents(INTAKE_QUEUE, { connection: redis.duplicate(), prefix });
  await events.waitUntilReady();
  let completed = 0;
  let first = 0n;
  let cpu = process.cpuUsage();
  const done = new Promise<bigint>((resolve) =>
    events.on('completed', () => {
      if (++completed === 1) {
        first = process.hrtime.bigint();
        cpu = process.cpuUsage();
      }
      if (completed >= JOBS) resolve(process.hrtime.bigint());
    }),
  );
  const stop = await start();
  const last = await done;
  const used = process.cpuUsage(cpu);
  const rate = (JOBS - 1) / (Number(last - first) / 1e9);
  await stop();
  await events.close();
  const queue = new Queue(INTAKE_QUEUE, { connection: redis, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
  return { rate, cpuPerJob: (used.user + used.system) / (JOBS - 1) };
}

/** Starts a bare worker process (`bare-intake-worker.ts`) on `prefix`; resolves once it is connected. */
async function startBareProcess(config: RelaisConfig, prefix: string): Promise<ChildProcess> {
  // The bare process serves nothing on its port; the environment just has to be valid.
  const env = workerEnvironment({ ...config, queuePrefix: prefix }, await freePort());
  const child = spawn(
    process.execPath,
    ['--conditions=relais-source', '--import', 'tsx', 'test/bench/bare-intake-worker.ts', String(CONCURRENCY)],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`bare worker exited with ${code}`)));
  });
  return child;
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * `count` worker processes on a paused queue: all started and ready before the queue is resumed,
 * so that they begin together.
 */
function processes(redis: Redis, prefix: string, count: number, startOne: () => Promise<ChildProcess>) {
  return async () => {
    const children = await Promise.all(Array.from({ length: count }, startOne));
    const queue = new Queue(INTAKE_QUEUE, { connection: redis, prefix });
    await queue.resume();
    await queue.close();
    return async () => {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(children.map(stopped));
    };
  };
}

/**
 * Intake throughput: reports opened, validated, tagged and stored per second by the real worker
 * (concurrency as in production, with PII detection), against a bare BullMQ worker completing
 * no-op jobs of the same queue, payloads, Redis and concurrency, in the same run: one worker in
 * this process, then two worker processes against two bare worker processes. The target is at
 * least 30 % of the bare rate (docs/performance.md).
 */
export default async function bench(): Promise<BenchResult[]> {
  const base = loadConfig();
  const database = await createTestDatabase(base.databaseUrl, 'benchintake');
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL: base.redisUrl,
    DATA_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
  });
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const logger = createLogger({ service: 'bench', level: 'silent' });
  // Emptied, not deleted row by row: dead rows and bloated indexes (and autovacuum cleaning them up
  // during the next run) would slow each run a little more than the one before.
  const resetReports = async () => {
    const owner = new pg.Client({ connectionString: database.url }); // the table owner may truncate; the app role may not
    await owner.connect();
    await owner.query('TRUNCATE reports CASCADE');
    await owner.end();
  };
  const real: Drain[] = [];
  const bare: Drain[] = [];
  const real2: number[] = [];
  const bare2: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const barePrefix = await fill(redis, config);
      bare.push(
        await drain(redis, barePrefix, async () => {
          const worker = new Worker(INTAKE_QUEUE, async () => undefined, {
            connection: redis.duplicate(),
            prefix: barePrefix,
            concurrency: CONCURRENCY,
          });
          return () => worker.close();
        }),
      );
      const realPrefix = await fill(redis, config);
      real.push(
        await drain(redis, realPrefix, async () => {
          const service = await createWorkerService({ ...config, queuePrefix: realPrefix }, logger);
          return async () => void (await service.close());
        }),
      );
      await resetReports();
    }
    for (let run = 0; run < PROCESS_RUNS; run++) {
      const barePrefix = await fill(redis, config, { paused: true });
      bare2.push(
        (
          await drain(
            redis,
            barePrefix,
            processes(redis, barePrefix, 2, () => startBareProcess(config, barePrefix)),
          )
        ).rate,
      );
      const realPrefix = await fill(redis, config, { paused: true });
      const realConfig = { ...config, queuePrefix: realPrefix };
      real2.push(
        (
          await drain(
            redis,
            realPrefix,
            processes(redis, realPrefix, 2, async () => (await startWorkerProcess(realConfig)).child),
          )
        ).rate,
      );
      await resetReports();
    }
  } finally {
    redis.disconnect();
    await database.drop();
  }
  const value = median(real.map((d) => d.rate));
  const baseline = median(bare.map((d) => d.rate));
  const ratio = value / baseline;
  const cpuReal = median(real.map((d) => d.cpuPerJob));
  const cpuBare = median(bare.map((d) => d.cpuPerJob));
  const notes =
    `${JOBS} jobs per run, concurrency ${CONCURRENCY}; opening, validation, PII scan, keyed MinHash and sealing (inline, one pass per batch), ` +
    `tunnel lookup, duplicate check, erasure check and a durable insert per report (one insertReports statement per batch of up to 64). ` +
    `Node CPU per job: ${cpuReal.toFixed(0)} µs, bare ${cpuBare.toFixed(0)} µs. Target ratio >= 0.30: ` +
    `${ratio >= 0.3 ? 'met' : 'missed; the 2 cores are full (Node, PostgreSQL, Redis), see docs/performance.md'}`;
  return [
    {
      name: 'intake jobs stored and tagged, one worker',
      unit: 'jobs/s',
      value,
      baseline: { name: `bare BullMQ worker, no-op jobs, concurrency ${CONCURRENCY}`, value: baseline },
      ratio,
      runs: RUNS,
      notes,
    },
    {
      name: 'intake jobs stored and tagged, two worker processes',
      unit: 'jobs/s',
      value: median(real2),
      baseline: {
        name: `two bare BullMQ worker processes, no-op jobs, concurrency ${CONCURRENCY} each`,
        value: median(bare2),
      },
      ratio: median(real2) / median(bare2),
      runs: PROCESS_RUNS,
      notes: `${JOBS} jobs per run; both processes are ready before the queue is resumed. On this 2-core machine two Node processes plus PostgreSQL and Redis oversubscribe the CPU, so compare with the one-worker figures`,
    },
  ];
}

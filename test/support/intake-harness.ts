import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import {
  createKeyring,
  INTAKE_JOB,
  INTAKE_JOB_OPTIONS,
  INTAKE_QUEUE,
  MAINTENANCE_QUEUE,
  OUTBOUND_QUEUE,
  sealSubmission,
  type RelaisConfig,
  type ReportSubmission,
} from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { submission } from './submissions.ts';
import { testConfig } from './test-config.ts';
import { startWorkerProcess, type WorkerProcess } from './worker-process.ts';

/**
 * What the intake and fault tests share: a fresh database, a config pointing at it (and at the
 * test's queue prefix), a producer Redis connection and the intake queue. Close it in `afterAll`:
 * it kills the worker processes it spawned, empties the queues and drops the database.
 */
export interface IntakeHarness {
  readonly t: TestDatabase;
  readonly config: RelaisConfig;
  readonly redis: Redis;
  readonly queue: Queue;
  /** Number of rows in `reports`. */
  readonly storedCount: () => Promise<number>;
  /** Seals and enqueues `n` new submissions (job id = report id, as the bots do); returns them. */
  readonly enqueue: (n: number) => Promise<ReportSubmission[]>;
  /** Starts a worker child process on this config; {@link close} kills it if it is still running. */
  readonly startWorker: () => Promise<WorkerProcess>;
  /** Kills spawned workers, obliterates the intake, outbound and maintenance queues, drops the database. */
  readonly close: () => Promise<void>;
}

/**
 * Creates an {@link IntakeHarness} on a database named after `name`. `env` may return config
 * overrides once the database exists (e.g. a `DATABASE_URL` through a TCP proxy).
 */
export async function startIntakeHarness(
  name: string,
  env: (t: TestDatabase) => Promise<Record<string, string>> | Record<string, string> = () => ({}),
): Promise<IntakeHarness> {
  const t = await createTestDatabase(testConfig().databaseUrl, name);
  const config = testConfig({ DATABASE_URL: t.url, ...(await env(t)) });
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(INTAKE_QUEUE, { connection: redis, prefix: config.queuePrefix });
  const keyring = createKeyring(config.dataKey!);
  const spawned: WorkerProcess[] = [];
  return {
    t,
    config,
    redis,
    queue,
    storedCount: async () =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM reports`.execute(t.db)).rows[0]!.n),
    async enqueue(n) {
      const batch = Array.from({ length: n }, () => submission());
      await queue.addBulk(
        batch.map((s) => ({
          name: INTAKE_JOB,
          data: sealSubmission(keyring, s),
          opts: { ...INTAKE_JOB_OPTIONS, jobId: s.id },
        })),
      );
      return batch;
    },
    async startWorker() {
      const worker = await startWorkerProcess(config);
      spawned.push(worker);
      return worker;
    },
    async close() {
      for (const worker of spawned) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      for (const queueName of [INTAKE_QUEUE, OUTBOUND_QUEUE, MAINTENANCE_QUEUE]) {
        const q = new Queue(queueName, { connection: redis, prefix: config.queuePrefix });
        await q.obliterate({ force: true }).catch(() => undefined);
        await q.close();
      }
      await queue.close().catch(() => undefined);
      redis.disconnect();
      await t.drop();
    },
  };
}

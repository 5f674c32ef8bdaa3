import { Queue, QueueEvents, type Job, type JobsOptions } from 'bullmq';
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
  type Logger,
  type RelaisConfig,
  type ReportSubmission,
} from '@relais/core';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createWorkerService, type WorkerService, type WorkerServiceOptions } from '@relais/worker';
import { submission } from './submissions.ts';
import { testConfig } from './test-config.ts';
import { startWorkerProcess, type WorkerProcess } from './worker-process.ts';

/**
 * What the intake, maintenance and fault tests share: a fresh database, a config pointing at it (and
 * at the test's queue prefix), a producer Redis connection, the intake and maintenance queues, and
 * workers (child processes or in this process). Close it in `afterAll`: it stops the workers it
 * started, empties the queues and drops the database.
 */
export interface IntakeHarness {
  readonly t: TestDatabase;
  readonly config: RelaisConfig;
  readonly redis: Redis;
  readonly queue: Queue;
  /** The maintenance queue (retention, erasure). */
  readonly maintenance: Queue;
  /** Number of rows in `reports`. */
  readonly storedCount: () => Promise<number>;
  /** Seals and enqueues `n` new submissions (job id = report id, as the bots do); returns them. */
  readonly enqueue: (n: number) => Promise<ReportSubmission[]>;
  /** Seals and enqueues one submission as the bots do (job id = report id), with extra job `options`. */
  readonly send: (s: ReportSubmission, options?: JobsOptions) => Promise<Job>;
  /** Events of queue `name`, ready; {@link close} closes them. */
  readonly queueEvents: (name: string) => Promise<QueueEvents>;
  /** The worker service in this process, as `npm start` wires it; {@link close} closes it. */
  readonly startWorkerService: (logger: Logger, options?: WorkerServiceOptions) => Promise<WorkerService>;
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
  const maintenance = new Queue(MAINTENANCE_QUEUE, { connection: redis, prefix: config.queuePrefix });
  const keyring = createKeyring(config.dataKey!);
  const spawned: WorkerProcess[] = [];
  const services: WorkerService[] = [];
  const events: QueueEvents[] = [];
  return {
    t,
    config,
    redis,
    queue,
    maintenance,
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
    send: (s, options = {}) =>
      queue.add(INTAKE_JOB, sealSubmission(keyring, s), { ...INTAKE_JOB_OPTIONS, jobId: s.id, ...options }),
    async queueEvents(name) {
      const queueEvents = new QueueEvents(name, { connection: redis.duplicate(), prefix: config.queuePrefix });
      events.push(queueEvents);
      await queueEvents.waitUntilReady();
      return queueEvents;
    },
    async startWorkerService(logger, options) {
      const service = await createWorkerService(config, logger, options);
      services.push(service);
      return service;
    },
    async startWorker() {
      const worker = await startWorkerProcess(config);
      spawned.push(worker);
      return worker;
    },
    async close() {
      for (const worker of spawned) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      for (const service of services) await service.close({ deadlineMs: 1_000 });
      for (const queueEvents of events) await queueEvents.close();
      for (const queueName of [INTAKE_QUEUE, OUTBOUND_QUEUE, MAINTENANCE_QUEUE]) {
        const q = new Queue(queueName, { connection: redis, prefix: config.queuePrefix });
        await q.obliterate({ force: true }).catch(() => undefined);
        await q.close();
      }
      await queue.close().catch(() => undefined);
      await maintenance.close().catch(() => undefined);
      redis.disconnect();
      await t.drop();
    },
  };
}

import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import {
  createKeyring,
  createRedis,
  detectPii,
  DIGEST_QUEUE,
  INTAKE_QUEUE,
  MAINTENANCE_QUEUE,
  MissingDataKeyError,
  OUTBOUND_QUEUE,
  type Logger,
  type PiiDetector,
  type RelaisConfig,
} from '@relais/core';
import { createDatabase } from '@relais/db';
import { createWorkerServer } from './http/worker-server.js';
import { ensureWeeklyDigestSchedule, type DigestScheduleOutcome } from './jobs/digest/digest-schedule.js';
import { smtpMailer } from './jobs/digest/digest-mailer.js';
import { partnerDigestJob } from './jobs/digest/partner-digest.job.js';
import { weeklyDigestsJob } from './jobs/digest/weekly-digests.job.js';
import { intakeJob } from './jobs/intake/intake-job.js';
import type { AnyJobDefinition } from './jobs/job-definition.js';
import { createJobRegistry } from './jobs/job-registry.js';
import { erasureJob } from './jobs/maintenance/erasure-job.js';
import { upsertMaintenanceSchedules } from './jobs/maintenance/maintenance-schedules.js';
import { retentionJob } from './jobs/maintenance/retention-job.js';
import { outboundJob } from './jobs/outbound/outbound-job.js';
import { createTelegramSender } from './jobs/outbound/telegram-sender.js';
import { createWorkerMetrics, type WorkerMetrics } from './metrics/worker-metrics.js';
import { checkEvictionPolicy } from './redis/check-eviction-policy.js';
import { closeWithDeadline, DEFAULT_SHUTDOWN_DEADLINE_MS } from './runtime/close-with-deadline.js';
import { startQueueWorker, type QueueSettings, type QueueWorker } from './runtime/queue-worker.js';

/** A running worker process: BullMQ workers, the health and metrics server. */
export interface WorkerService {
  readonly server: FastifyInstance;
  readonly workers: readonly QueueWorker[];
  readonly metrics: WorkerMetrics;
  /** Whether this process upserted the weekly digest scheduler, found it in place, or left it to another. */
  readonly digestSchedule: DigestScheduleOutcome;
  /**
   * Stops taking jobs, lets jobs in hand finish until `deadlineMs` (default 8 s), gives the rest
   * back to their queues, closes connections. Resolves with the number of jobs given back.
   */
  close(options?: { readonly deadlineMs?: number }): Promise<number>;
}

/** Options of {@link createWorkerService} beyond the config. */
export interface WorkerServiceOptions {
  /** Finds PII in report text at intake; default core's `detectPii` (benchmarks may pass `noPiiDetector`). */
  readonly detectPii?: PiiDetector;
  /** Per-queue concurrency and rate limits, over {@link DEFAULT_QUEUE_SETTINGS}. */
  readonly queueSettings?: Partial<Record<string, QueueSettings>>;
  /** Retention run interval; default hourly. */
  readonly retentionEveryMs?: number;
  /**
   * How long a job's lock lasts without renewal, and how often jobs of dead workers are looked
   * for; BullMQ's 30 s by default. Shorter recovers faster after a crash, at more Redis traffic.
   */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
}

/**
 * Concurrency per queue. Intake jobs mostly wait (on the database), and concurrent ones share
 * statements (micro-batches of up to 64, four at a time: one being tagged while others are stored),
 * so many run at once: 256 keeps four full batches going (see docs/performance.md). Outbound is rate-limited below Telegram's ~30 messages per second per bot (and
 * its 429s are waited out); maintenance runs one job at a time.
 */
export const DEFAULT_QUEUE_SETTINGS: Readonly<Record<string, QueueSettings>> = {
  [INTAKE_QUEUE]: { concurrency: 256 },
  [OUTBOUND_QUEUE]: { concurrency: 4, limiter: { max: 25, duration: 1_000 } },
  [MAINTENANCE_QUEUE]: { concurrency: 1 },
  [DIGEST_QUEUE]: { concurrency: 2 },
};

/** A second connection to the same Redis, reconnecting quietly like the first. */
function quietDuplicate(redis: Redis): Redis {
  const connection = redis.duplicate();
  connection.on('error', () => undefined);
  return connection;
}

const race = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.catch(() => undefined),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref()),
  ]);

/**
 * Wires the worker from its config: refuses an evicting Redis, opens the database, registers the
 * intake, outbound, maintenance and digest jobs, schedules retention and the Monday digests, and
 * starts one BullMQ worker per queue. Does not listen; call `server.listen`.
 */
export async function createWorkerService(
  config: RelaisConfig,
  logger: Logger,
  options: WorkerServiceOptions = {},
): Promise<WorkerService> {
  if (!config.dataKey) throw new MissingDataKeyError('the worker');
  const keyring = createKeyring(config.dataKey);
  const redis = createRedis(config.redisUrl, 'relais-worker');
  try {
    await checkEvictionPolicy(redis);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const db = createDatabase({ connectionString: config.databaseUrl, applicationName: 'relais-worker', max: 10 });
  const queues = new Map(
    [INTAKE_QUEUE, OUTBOUND_QUEUE, MAINTENANCE_QUEUE, DIGEST_QUEUE].map((name) => {
      const queue = new Queue(name, { connection: redis, prefix: config.queuePrefix });
      queue.on('error', () => undefined); // reconnection is ioredis's job; /healthz reports the outage
      return [name, queue] as const;
    }),
  );
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : undefined;
  const telegram = config.telegram.token
    ? createTelegramSender({ token: config.telegram.token, apiRoot: config.telegram.apiRoot })
    : undefined;

  // Each queue's worker has a connection of its own.
  const connections = new Map(
    [INTAKE_QUEUE, OUTBOUND_QUEUE, MAINTENANCE_QUEUE, DIGEST_QUEUE].map(
      (name) => [name, quietDuplicate(redis)] as const,
    ),
  );
  const definitions: AnyJobDefinition[] = [
    intakeJob({
      db,
      keyring,
      logger: logger.child({ queue: INTAKE_QUEUE }),
      detectPii: options.detectPii ?? detectPii,
    }),
    outboundJob({
      db,
      keyring,
      logger: logger.child({ queue: OUTBOUND_QUEUE }),
      telegram,
      mailer,
      publicUrl: config.publicUrl,
    }),
    retentionJob({ db, logger: logger.child({ queue: MAINTENANCE_QUEUE }), retentionDays: config.retentionDays }),
    erasureJob({ db, logger: logger.child({ queue: MAINTENANCE_QUEUE }), intakeQueue: queues.get(INTAKE_QUEUE)! }),
    weeklyDigestsJob({ db, queue: queues.get(DIGEST_QUEUE)!, logger: logger.child({ queue: DIGEST_QUEUE }) }),
    partnerDigestJob({
      db,
      logger: logger.child({ queue: DIGEST_QUEUE }),
      mailer,
      moderationUrl: config.moderationUrl,
      threshold: config.smallCountThreshold,
    }),
  ];
  const registry = createJobRegistry(definitions);
  const metrics = createWorkerMetrics();
  metrics.watchQueues([...queues.values()]);
  await upsertMaintenanceSchedules(queues.get(MAINTENANCE_QUEUE)!, options.retentionEveryMs);
  // One upsert, from one process: the first worker to start takes a lease, the others skip.
  const digestSchedule = await ensureWeeklyDigestSchedule(queues.get(DIGEST_QUEUE)!, redis);
  logger.info({ outcome: digestSchedule }, 'weekly digest scheduler');

  const workers = registry.queues.map((queue) =>
    startQueueWorker({
      queue,
      registry,
      connection: connections.get(queue) ?? quietDuplicate(redis),
      prefix: config.queuePrefix,
      settings: options.queueSettings?.[queue] ?? DEFAULT_QUEUE_SETTINGS[queue] ?? { concurrency: 1 },
      metrics,
      logger,
      lockDurationMs: options.lockDurationMs,
      stalledIntervalMs: options.stalledIntervalMs,
    }),
  );

  const server = createWorkerServer({ db, redis, logger, metrics });
  return {
    server,
    workers,
    metrics,
    digestSchedule,
    async close({ deadlineMs = DEFAULT_SHUTDOWN_DEADLINE_MS } = {}) {
      const released = await closeWithDeadline(workers, deadlineMs, logger);
      await race(server.close(), 2_000);
      await race(Promise.all([...queues.values()].map((q) => q.close())), 2_000);
      await race(db.destroy(), 2_000);
      for (const { worker } of workers) void race(worker.close(true), 0);
      mailer?.close();
      for (const connection of connections.values()) connection.disconnect();
      redis.disconnect();
      return released;
    },
  };
}

import { Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { createKeyring, type Logger, type RelaisConfig } from '@relais/core';
import { createDatabase } from '@relais/db';
import { createWorkerServer } from './http/worker-server.js';
import { intakeJob } from './jobs/intake/intake-job.js';
import type { JobDefinition } from './jobs/job-definition.js';
import { checkEvictionPolicy } from './redis/check-eviction-policy.js';
import { createRedis } from './redis/create-redis.js';

/** A running worker process: BullMQ workers plus the health server. */
export interface WorkerService {
  readonly server: FastifyInstance;
  readonly workers: readonly Worker[];
  /** Stops taking jobs, lets jobs in hand finish, closes connections. */
  close(): Promise<void>;
}

/**
 * Wires the worker from its config: refuses an evicting Redis, opens the database, starts one
 * BullMQ worker per job definition. Does not listen; call `server.listen`.
 */
export async function createWorkerService(config: RelaisConfig, logger: Logger): Promise<WorkerService> {
  if (!config.dataKey) throw new Error('DATA_KEY is required by the worker (npm start generates one for local use)');
  const keyring = createKeyring(config.dataKey);
  const redis = createRedis(config.redisUrl, 'relais-worker');
  await checkEvictionPolicy(redis);
  const db = createDatabase({ connectionString: config.databaseUrl, applicationName: 'relais-worker', max: 10 });

  const definitions: JobDefinition[] = [intakeJob({ db, keyring, logger: logger.child({ queue: 'intake' }) })];
  const workers = definitions.map((definition) => {
    const worker = new Worker(definition.queue, (job) => definition.handle(job), {
      connection: redis.duplicate(),
      prefix: config.queuePrefix,
      concurrency: definition.concurrency,
    });
    worker.on('failed', (job, error) => {
      logger.warn({ queue: definition.queue, jobId: job?.id, attemptsMade: job?.attemptsMade, reason: error.message }, 'job failed');
    });
    worker.on('error', (error) => logger.error({ queue: definition.queue, err: { message: error.message } }, 'worker error'));
    return worker;
  });

  const server = createWorkerServer({ db, redis, logger });
  return {
    server,
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await server.close();
      await db.destroy();
      redis.disconnect();
    },
  };
}

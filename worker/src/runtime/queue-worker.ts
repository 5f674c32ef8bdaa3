import { performance } from 'node:perf_hooks';
import { DelayedError, Worker, type Job, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@relais/core';
import type { JobRegistry } from '../jobs/job-registry.js';
import { isFinalFailure, type WorkerMetrics } from '../metrics/worker-metrics.js';

/** A job a worker holds right now, with the lock token that lets it give the job back. */
export interface JobInHand {
  readonly job: Job;
  readonly token: string | undefined;
}

/** A BullMQ worker of one queue, and the jobs it holds. */
export interface QueueWorker {
  readonly worker: Worker;
  readonly inHand: ReadonlyMap<string, JobInHand>;
}

/** Per-queue settings: concurrency, and a rate limit where an external API sets one. */
export interface QueueSettings {
  readonly concurrency: number;
  readonly limiter?: WorkerOptions['limiter'];
}

/**
 * Starts a BullMQ worker for `queue`, running the registry's processor, timing and counting each
 * attempt, and logging failures by job id and reason only. A job that stalls (its worker died, or
 * Redis went away between handing it out and the worker hearing of it) comes back once its lock
 * expires, up to five times before it is failed.
 */
export function startQueueWorker(options: {
  readonly queue: string;
  readonly registry: JobRegistry;
  readonly connection: Redis;
  readonly prefix: string;
  readonly settings: QueueSettings;
  readonly metrics: WorkerMetrics;
  readonly logger: Logger;
  /** BullMQ lock duration and stalled-job check interval; default 30 s each. */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
}): QueueWorker {
  const { queue, metrics, logger } = options;
  const process = options.registry.processor(queue);
  const inHand = new Map<string, JobInHand>();
  const worker = new Worker(
    queue,
    // Two parameters: BullMQ makes an AbortController per job for a processor that takes a third.
    async (job, token) => {
      const key = job.id ?? '';
      inHand.set(key, { job, token });
      const started = performance.now();
      try {
        const result = await process(job, token);
        metrics.observe(queue, 'completed', (performance.now() - started) / 1000);
        return result;
      } catch (error) {
        // A postponed job (moved to delayed by its handler) did not fail.
        if (error instanceof DelayedError) throw error;
        const final = isFinalFailure(job, error);
        metrics.observe(queue, final ? 'failed' : 'retry', (performance.now() - started) / 1000);
        throw error;
      } finally {
        inHand.delete(key);
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.settings.concurrency,
      limiter: options.settings.limiter,
      maxStalledCount: 5,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    },
  );
  worker.on('failed', (job, error) => {
    logger.warn(
      { queue, jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, reason: error.message },
      'job attempt failed',
    );
  });
  worker.on('error', (error) => logger.error({ queue, err: { message: error.message } }, 'worker error'));
  return { worker, inHand };
}

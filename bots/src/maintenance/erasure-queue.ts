import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { MAINTENANCE_JOBS, MAINTENANCE_QUEUE, erasureJobData, type ErasureJobData } from '@relais/core';

/**
 * The bots' side of the maintenance queue: erasure requests from `/supprimer` and from the web
 * follow-up page. The worker's maintenance processor erases the reports and leaves tombstones.
 */
export class ErasureQueue {
  private readonly queue: Queue<ErasureJobData>;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue<ErasureJobData>(MAINTENANCE_QUEUE, { connection, prefix });
  }

  /**
   * Enqueues the erasure of every report of `reporterKey`, or only of `reportIds` among them (the
   * web follow-up page erases one report); resolves once the job is in Redis.
   */
  async request(reporterKey: string, requestedAt: Date, reportIds?: readonly string[]): Promise<void> {
    const data = erasureJobData.parse({ v: 1, reporterKey, requestedAt: requestedAt.toISOString(), ...(reportIds ? { reportIds: [...reportIds] } : {}) });
    await this.queue.add(MAINTENANCE_JOBS.erasure, data, {
      attempts: 12,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: 24 * 3600, count: 1_000 },
      removeOnFail: false,
    });
  }

  /** Closes the queue (not the shared connection). */
  async close(): Promise<void> {
    await this.queue.close();
  }
}

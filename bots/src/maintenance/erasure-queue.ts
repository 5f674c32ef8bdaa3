import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  ERASURE_JOB_OPTIONS,
  MAINTENANCE_JOBS,
  MAINTENANCE_QUEUE,
  erasureJobData,
  type ErasureJobData,
} from '@relais/core';

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
   * web follow-up page erases one report); resolves once the job is in Redis. An erasure of every
   * report also covers those submitted before `requestedAt` that are still in the intake queue
   * (e.g. waiting out a database outage): the worker stores them as tombstones.
   */
  async request(reporterKey: string, requestedAt: Date, reportIds?: readonly string[]): Promise<void> {
    const data = erasureJobData.parse({
      v: 1,
      reporterKey,
      requestedAt: requestedAt.toISOString(),
      ...(reportIds ? { reportIds: [...reportIds] } : {}),
    });
    await this.queue.add(MAINTENANCE_JOBS.erasure, data, ERASURE_JOB_OPTIONS);
  }

  /** Closes the queue (not the shared connection). */
  async close(): Promise<void> {
    await this.queue.close();
  }
}

import type { Logger } from '@relais/core';
import type { QueueWorker } from './queue-worker.js';

/** How long a stopping worker lets jobs in hand finish before giving them back: 8 s. */
export const DEFAULT_SHUTDOWN_DEADLINE_MS = 8_000;

const sleep = (ms: number) => new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), ms).unref());

/**
 * Stops BullMQ workers: they take no new job at once; jobs in hand may finish until `deadlineMs`;
 * those still running then are given back to their queue (moved to waiting, lock released), so
 * another worker takes them at once instead of after the stalled-job timeout. Handlers are
 * idempotent, so a job given back after its database write is harmless when it runs again.
 * Returns how many jobs were given back.
 */
export async function closeWithDeadline(
  workers: readonly QueueWorker[],
  deadlineMs: number,
  logger: Logger,
): Promise<number> {
  const closing = Promise.all(workers.map((w) => w.worker.close()));
  closing.catch(() => undefined);
  const outcome = await Promise.race([closing.then(() => 'closed' as const), sleep(deadlineMs)]);
  if (outcome === 'closed') return 0;
  let released = 0;
  for (const { worker, inHand } of workers) {
    for (const { job, token } of inHand.values()) {
      try {
        await job.moveToWait(token);
        released++;
        logger.warn({ queue: worker.name, jobId: job.id }, 'job given back to its queue at shutdown');
      } catch (error) {
        // Finished or lost its lock meanwhile: the stalled-job check will take care of it.
        logger.warn(
          { queue: worker.name, jobId: job.id, reason: (error as Error).message },
          'could not give a job back',
        );
      }
    }
  }
  return released;
}

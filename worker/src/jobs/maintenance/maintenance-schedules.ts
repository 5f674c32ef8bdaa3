import type { Queue } from 'bullmq';
import { MAINTENANCE_JOBS } from '@relais/core';

/** How often the retention job runs by default: hourly. */
export const RETENTION_EVERY_MS = 3600 * 1000;

/**
 * Creates or updates the maintenance job schedulers on `queue` (idempotent; every worker process
 * may call it at start-up): retention every `retentionEveryMs`.
 */
export async function upsertMaintenanceSchedules(queue: Queue, retentionEveryMs = RETENTION_EVERY_MS): Promise<void> {
  await queue.upsertJobScheduler(
    MAINTENANCE_JOBS.retention,
    { every: retentionEveryMs },
    {
      name: MAINTENANCE_JOBS.retention,
      data: {},
      opts: {
        attempts: 3,
        backoff: { type: 'exponential', delay: 10_000 },
        removeOnComplete: 100,
        removeOnFail: 1_000,
      },
    },
  );
}

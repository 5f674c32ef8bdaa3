import type { Queue } from 'bullmq';
import { DIGEST_JOBS, DIGEST_SCHEDULE, DIGEST_SCHEDULE_TZ, WEEKLY_DIGEST_SCHEDULER } from '@relais/core';

/**
 * Creates or updates the job scheduler that fires the weekly digests every Monday 08:00 Paris.
 * Idempotent (one scheduler id): every worker may call it at start-up, there is still one schedule.
 */
export async function scheduleWeeklyDigests(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(
    WEEKLY_DIGEST_SCHEDULER,
    { pattern: DIGEST_SCHEDULE, tz: DIGEST_SCHEDULE_TZ },
    { name: DIGEST_JOBS.weekly, data: { v: 1 }, opts: { removeOnComplete: { count: 60 }, removeOnFail: false } },
  );
}

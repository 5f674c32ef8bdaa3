import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DIGEST_JOBS, DIGEST_SCHEDULE, DIGEST_SCHEDULE_TZ, WEEKLY_DIGEST_SCHEDULER } from '@relais/core';

/**
 * Creates or updates the job scheduler that fires the weekly digests every Monday 08:00 Paris.
 * Idempotent (one scheduler id). Workers call {@link ensureWeeklyDigestSchedule} instead, so that
 * one process only upserts it.
 */
export async function scheduleWeeklyDigests(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(
    WEEKLY_DIGEST_SCHEDULER,
    { pattern: DIGEST_SCHEDULE, tz: DIGEST_SCHEDULE_TZ },
    { name: DIGEST_JOBS.weekly, data: { v: 1 }, opts: { removeOnComplete: { count: 60 }, removeOnFail: false } },
  );
}

/** What {@link ensureWeeklyDigestSchedule} did. */
export type DigestScheduleOutcome =
  /** This process upserted the scheduler (it was missing, or its pattern or time zone differed). */
  | 'upserted'
  /** This process holds the lease and found the scheduler as it should be: nothing written. */
  | 'unchanged'
  /** Another process holds the lease (it is starting too, or started moments ago): skipped. */
  | 'skipped';

/** How long the process that took the lease alone may (re)create the scheduler; default 60 s. */
export const DIGEST_SCHEDULE_LEASE_MS = 60_000;

/** The Redis key of the lease, inside the digest queue's own key space (obliterate removes it). */
export const digestScheduleLeaseKey = (queue: Queue): string => queue.toKey('scheduler-lease');

/**
 * Makes sure the weekly digest scheduler exists, from one process: the first worker to take the
 * lease (`SET NX PX` in Redis) reads the scheduler and upserts it only if it is missing or
 * differs; every other worker starting within the lease skips, and any worker starting later
 * finds it in place and writes nothing. The lease is not released: it expires by itself. `redis`
 * is a connection to the queue's Redis; `owner` names the lease holder (default a random id).
 */
export async function ensureWeeklyDigestSchedule(
  queue: Queue,
  redis: Redis,
  options: { readonly owner?: string; readonly leaseMs?: number } = {},
): Promise<DigestScheduleOutcome> {
  const taken = await redis.set(
    digestScheduleLeaseKey(queue),
    options.owner ?? randomUUID(),
    'PX',
    options.leaseMs ?? DIGEST_SCHEDULE_LEASE_MS,
    'NX',
  );
  if (taken !== 'OK') return 'skipped';
  const current = await queue.getJobScheduler(WEEKLY_DIGEST_SCHEDULER);
  if (
    current &&
    current.pattern === DIGEST_SCHEDULE &&
    current.tz === DIGEST_SCHEDULE_TZ &&
    current.name === DIGEST_JOBS.weekly
  )
    return 'unchanged';
  await scheduleWeeklyDigests(queue);
  return 'upserted';
}

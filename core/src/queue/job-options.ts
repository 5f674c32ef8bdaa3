/**
 * Options every outbound job (a moderator's message to a reporter) is added with: retries with
 * exponential backoff over about two hours for Telegram or network outages, failed jobs kept.
 * The job id is the message id, so queuing the same message twice delivers it once.
 */
export const OUTBOUND_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
} as const;

/**
 * Options every erasure job is added with by the bots: retries with backoff for a database outage,
 * failed jobs kept for admins. (The worker postpones an erasure itself, without spending an
 * attempt, while an intake job of a listed report is still pending.)
 */
export const ERASURE_JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
} as const;

/**
 * Job options every intake job is added with: many attempts with exponential backoff (a database
 * outage of minutes must not fail a report), failed jobs kept for admins, completed ones trimmed.
 */
export const INTAKE_JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
} as const;

/**
 * `@relais/worker/digest`: the weekly digest jobs and their scheduler, for tests and benchmarks
 * that run them on a queue of their own (the worker service registers them itself), with the job
 * registry that turns them into a BullMQ processor.
 */
export {
  partnerDigestJob,
  type PartnerDigestDeps,
  type PartnerDigestResult,
} from '../jobs/digest/partner-digest.job.js';
export { weeklyDigestsJob } from '../jobs/digest/weekly-digests.job.js';
export { smtpMailer, type DigestMailer } from '../jobs/digest/digest-mailer.js';
export { renderDigestMail } from '../jobs/digest/digest-mail.js';
export {
  scheduleWeeklyDigests,
  ensureWeeklyDigestSchedule,
  digestScheduleLeaseKey,
  DIGEST_SCHEDULE_LEASE_MS,
  type DigestScheduleOutcome,
} from '../jobs/digest/digest-schedule.js';
export { createJobRegistry, type JobRegistry } from '../jobs/job-registry.js';

/**
 * @relais/worker: BullMQ processors (intake, outbound, maintenance), each a job definition in a
 * registry, and the worker's health and metrics endpoints on WORKER_PORT.
 */
export { createWorkerService, DEFAULT_QUEUE_SETTINGS, type WorkerService, type WorkerServiceOptions } from './worker-service.js';
export { intakeJob, type IntakeJobDeps, type IntakeResult } from './jobs/intake/intake-job.js';
export { outboundJob, type OutboundJobDeps, type OutboundResult } from './jobs/outbound/outbound-job.js';
export { createTelegramSender, splitForTelegram, TELEGRAM_MAX_MESSAGE_LENGTH, type TelegramSend } from './jobs/outbound/telegram-sender.js';
export { retentionJob, retentionJobData, type RetentionJobData } from './jobs/maintenance/retention-job.js';
export { erasureJob } from './jobs/maintenance/erasure-job.js';
export { upsertMaintenanceSchedules, RETENTION_EVERY_MS } from './jobs/maintenance/maintenance-schedules.js';
export type { JobDefinition, JobContext, AnyJobDefinition } from './jobs/job-definition.js';
export { createJobRegistry, describeZodError, DuplicateJobError, type JobRegistry } from './jobs/job-registry.js';
export { checkEvictionPolicy, EvictingRedisError } from './redis/check-eviction-policy.js';
export { departementOf } from './jobs/intake/postal-geography.js';
export { postalPlace, communeLabel, type PostalPlace, type Commune } from './jobs/intake/postal-communes.js';
export { reportPriority, PRIORITY } from './jobs/intake/report-priority.js';
export { reportCategories } from './jobs/intake/report-categories.js';
export { noPiiDetector, storedPiiFindings, type PiiDetector, type DetectedPii } from './jobs/intake/pii-tagging.js';
export { textFingerprint, fingerprintSimilarity, NEAR_IDENTICAL_SIMILARITY } from './jobs/intake/text-fingerprint.js';
export { toReportRow, type IntakeTags } from './jobs/intake/to-report-row.js';
export { localTagger, startThread, threadTagger, type ReportTagger } from './jobs/intake/report-tagger.js';
export type { IntakeItem, TaggedReport } from './jobs/intake/tag-reports.js';
export { holdWritesThisTurn } from './redis/hold-writes.js';
export { createWorkerMetrics, type WorkerMetrics } from './metrics/worker-metrics.js';
export { DEFAULT_SHUTDOWN_DEADLINE_MS } from './runtime/close-with-deadline.js';
export { partnerDigestJob, type PartnerDigestDeps, type PartnerDigestResult } from './jobs/digest/partner-digest.job.js';
export { weeklyDigestsJob } from './jobs/digest/weekly-digests.job.js';
export { smtpMailer, type DigestMailer } from './jobs/digest/digest-mailer.js';
export { renderDigestMail } from './jobs/digest/digest-mail.js';
export {
  scheduleWeeklyDigests,
  ensureWeeklyDigestSchedule,
  digestScheduleLeaseKey,
  DIGEST_SCHEDULE_LEASE_MS,
  type DigestScheduleOutcome,
} from './jobs/digest/digest-schedule.js';

/**
 * @relais/worker: BullMQ processors (intake now; outbound, digests and maintenance next) and the
 * worker's health endpoint on WORKER_PORT.
 */
export { createWorkerService, type WorkerService } from './worker-service.js';
export { intakeJob, type IntakeJobDeps, type IntakeResult } from './jobs/intake/intake-job.js';
export type { JobDefinition } from './jobs/job-definition.js';
export { checkEvictionPolicy, EvictingRedisError } from './redis/check-eviction-policy.js';
export { departementOf } from './jobs/intake/postal-geography.js';
export { reportPriority, PRIORITY } from './jobs/intake/report-priority.js';

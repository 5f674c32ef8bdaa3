/**
 * @relais/worker: the Relais worker service: BullMQ processors (intake, outbound, maintenance,
 * digests), each a job definition in a registry, and the health and metrics endpoints on
 * WORKER_PORT. Start it with {@link createWorkerService}; `src/main.ts` is the process. The digest
 * jobs, for tests that run them on a queue of their own, are in the `@relais/worker/digest` subpath.
 */
export {
  createWorkerService,
  DEFAULT_QUEUE_SETTINGS,
  type WorkerService,
  type WorkerServiceOptions,
} from './worker-service.js';
export type { QueueSettings } from './runtime/queue-worker.js';
export { EvictingRedisError } from './redis/check-eviction-policy.js';

import type { Job } from 'bullmq';

/**
 * A job kind the worker runs: its queue, its job name and its handler. The handler validates the
 * payload itself (with the job's zod schema) and throws BullMQ's `UnrecoverableError` for a job
 * that can never succeed.
 */
export interface JobDefinition<Result = unknown> {
  readonly queue: string;
  readonly name: string;
  /** How many jobs of this queue one worker process runs at once. */
  readonly concurrency: number;
  handle(job: Job): Promise<Result>;
}

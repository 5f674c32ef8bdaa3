import type { Job } from 'bullmq';
import type { z } from 'zod';

/**
 * What a handler gets besides its validated payload. Not BullMQ's abort signal: no handler needs
 * one (shutdown waits for jobs in hand, then gives the rest back), and asking for it costs an
 * AbortController per job.
 */
export interface JobContext {
  /** The BullMQ job (id, attempts made, options). */
  readonly job: Job;
  /** The worker's lock token of the job (to move it, e.g. `job.moveToDelayed(at, token)`). */
  readonly token: string | undefined;
}

/**
 * A job kind the worker runs: its queue, its job name, the zod schema of its payload and its
 * handler. The registry validates the payload before calling `handle`, so a malformed job fails at
 * once (BullMQ `UnrecoverableError`) and is never retried; the handler throws `UnrecoverableError`
 * itself for anything else that can never succeed, and any other error to be retried with backoff.
 */
export interface JobDefinition<Data = unknown, Result = unknown> {
  readonly queue: string;
  readonly name: string;
  readonly schema: z.ZodType<Data>;
  handle(data: Data, context: JobContext): Promise<Result>;
}

/** Any job definition, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any, unknown>;

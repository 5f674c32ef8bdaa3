import { UnrecoverableError, type Job } from 'bullmq';
import type { z } from 'zod';
import { RelaisError } from '@relais/core';
import type { AnyJobDefinition } from './job-definition.js';

/** Two definitions claim the same queue and job name. */
export class DuplicateJobError extends RelaisError {
  constructor(queue: string, name: string) {
    super('JOB_DUPLICATE', `job "${name}" is defined twice on queue "${queue}": give each definition its own name`);
  }
}

/** Describes a zod failure by path and issue code only: never quotes the payload. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
}

/** The job definitions of a worker, by queue and name, and the processor of each queue. */
export interface JobRegistry {
  /** Every queue some definition runs on. */
  readonly queues: readonly string[];
  /** The BullMQ processor of `queue`: dispatches each job by name to its definition. */
  processor(queue: string): (job: Job, token?: string) => Promise<unknown>;
}

/**
 * Builds the registry. A job whose name no definition knows, or whose payload fails the
 * definition's schema, fails at once with its reason (`UnrecoverableError`): it is kept in the
 * failed set for admins and never retried.
 */
export function createJobRegistry(definitions: readonly AnyJobDefinition[]): JobRegistry {
  const byQueue = new Map<string, Map<string, AnyJobDefinition>>();
  for (const definition of definitions) {
    const names = byQueue.get(definition.queue) ?? new Map<string, AnyJobDefinition>();
    if (names.has(definition.name)) throw new DuplicateJobError(definition.queue, definition.name);
    names.set(definition.name, definition);
    byQueue.set(definition.queue, names);
  }
  return {
    queues: [...byQueue.keys()],
    processor(queue) {
      const names = byQueue.get(queue) ?? new Map<string, AnyJobDefinition>();
      return async (job, token) => {
        const definition = names.get(job.name);
        if (!definition) {
          throw new UnrecoverableError(
            `unknown job "${job.name}" on queue "${queue}"; known: ${[...names.keys()].join(', ') || 'none'}`,
          );
        }
        const parsed = definition.schema.safeParse(job.data);
        if (!parsed.success)
          throw new UnrecoverableError(`invalid ${queue} payload: ${describeZodError(parsed.error)}`);
        return definition.handle(parsed.data, { job, token });
      };
    },
  };
}

import { Queue } from 'bullmq';
import { DIGEST_QUEUE, INTAKE_QUEUE, MAINTENANCE_QUEUE, OUTBOUND_QUEUE } from '@relais/core';

/** The queues `relais jobs failed` looks at, in this order. */
const WATCHED_QUEUES = [INTAKE_QUEUE, OUTBOUND_QUEUE, MAINTENANCE_QUEUE, DIGEST_QUEUE] as const;

/** How many failed jobs per queue are listed, most recent first: 50. */
const FAILED_JOBS_SHOWN = 50;

const REASON_CHARS = 300;

/** A failed job as admins see it: never its payload, which may hold (sealed) report content. */
interface FailedJobSummary {
  readonly queue: string;
  readonly id: string;
  readonly name: string;
  /** Why it failed (the worker's reasons name fields and codes, never content), cut to 300 characters. */
  readonly reason: string;
  readonly attemptsMade: number;
  readonly attempts: number;
  readonly addedAt: Date;
  readonly failedAt: Date | undefined;
}

/**
 * The failed jobs of one queue, most recent first (at most `limit`), and how many there are in all.
 * Reads only ids, names, reasons, attempts and dates.
 */
async function listFailedJobs(
  queue: Queue,
  limit = FAILED_JOBS_SHOWN,
): Promise<{ total: number; jobs: FailedJobSummary[] }> {
  const [total, jobs] = await Promise.all([queue.getFailedCount(), queue.getFailed(0, limit - 1)]);
  return {
    total,
    jobs: jobs
      .filter((job) => job !== undefined)
      .map((job) => ({
        queue: queue.name,
        id: job.id ?? '?',
        name: job.name,
        reason: (job.failedReason ?? '').replace(/\s+/g, ' ').slice(0, REASON_CHARS),
        attemptsMade: job.attemptsMade,
        attempts: Math.max(job.opts.attempts ?? 1, 1),
        addedAt: new Date(job.timestamp),
        failedAt: job.finishedOn ? new Date(job.finishedOn) : undefined,
      })),
  };
}

const USAGE = `usage: relais jobs failed [${WATCHED_QUEUES.join('|')}]`;

/**
 * `relais jobs failed [queue]`: the failed jobs of every queue (or of one), for admins: queue, job
 * id (a report id for intake jobs), name, attempts, when it was added and failed, and the reason.
 * Payloads are never read out. `sibling` is any queue of the CLI: the others are opened on its
 * connection and prefix.
 */
export async function failedJobsCommand(args: readonly string[], sibling: Queue): Promise<string> {
  const names = args.length === 0 ? WATCHED_QUEUES : args;
  if (args.length > 1 || names.some((n) => !(WATCHED_QUEUES as readonly string[]).includes(n))) throw new Error(USAGE);
  const lines: string[] = [];
  for (const name of names) {
    const queue =
      name === sibling.name
        ? sibling
        : new Queue(name, { connection: sibling.opts.connection, prefix: sibling.opts.prefix });
    try {
      const { total, jobs } = await listFailedJobs(queue);
      lines.push(`${name}: ${total} failed${total > jobs.length ? ` (the ${jobs.length} most recent below)` : ''}`);
      for (const j of jobs) {
        lines.push(
          `  ${j.id}\t${j.name}\tattempts ${j.attemptsMade}/${j.attempts}\tadded ${j.addedAt.toISOString()}\tfailed ${j.failedAt?.toISOString() ?? '?'}\t${j.reason}`,
        );
      }
    } finally {
      if (queue !== sibling) await queue.close();
    }
  }
  return lines.join('\n');
}

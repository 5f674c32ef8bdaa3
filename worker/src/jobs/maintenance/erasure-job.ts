import { DelayedError, type Queue } from 'bullmq';
import { erasureJobData, MAINTENANCE_JOBS, MAINTENANCE_QUEUE, type ErasureJobData, type Logger } from '@relais/core';
import { eraseReporterReports, type RelaisDb } from '@relais/db';
import type { JobDefinition } from '../job-definition.js';

/** What the erasure job needs. */
export interface ErasureJobDeps {
  readonly db: RelaisDb;
  readonly logger: Logger;
  /** The intake queue: an erasure waits while a listed report is still on its way in. */
  readonly intakeQueue: Queue;
  /** How long to postpone an erasure whose report is still in intake; default 5 s. */
  readonly postponeMs?: number;
}

const PENDING_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** The listed reports whose intake job is still pending (so they are not in the database yet). */
async function pendingIntakes(queue: Queue, reportIds: readonly string[]): Promise<string[]> {
  const pending: string[] = [];
  for (const id of reportIds) {
    const job = await queue.getJob(id);
    if (job && PENDING_STATES.has(await job.getState())) pending.push(id);
  }
  return pending;
}

/**
 * The erasure job (from the bots, when a reporter asks): turns the reporter's reports, or the listed
 * ones, into `erased` tombstones (see `eraseReporterReports` for what a tombstone keeps).
 *
 * An erasure never loses the race with a report still on its way in. Without listed reports (what
 * the bots send), the request is recorded with its `requestedAt`, and every report of the reporter
 * submitted until then that is still queued or retrying in intake is stored as a tombstone when it
 * arrives. When listed reports' intake jobs are still pending, the erasure is postponed (without
 * spending an attempt) until they are stored.
 */
export function erasureJob(deps: ErasureJobDeps): JobDefinition<ErasureJobData, { erased: number }> {
  return {
    queue: MAINTENANCE_QUEUE,
    name: MAINTENANCE_JOBS.erasure,
    schema: erasureJobData,
    async handle(data, { job, token }) {
      const log = deps.logger.child({ jobId: job.id });
      if (data.reportIds?.length) {
        const pending = await pendingIntakes(deps.intakeQueue, data.reportIds);
        if (pending.length > 0 && token) {
          log.info({ pending: pending.length }, 'erasure postponed: reports still in intake');
          await job.moveToDelayed(Date.now() + (deps.postponeMs ?? 5_000), token);
          throw new DelayedError();
        }
      }
      const erased = await eraseReporterReports(deps.db, {
        reporterKey: data.reporterKey,
        reportIds: data.reportIds,
        requestedAt: data.requestedAt,
      });
      log.info({ erased: erased.length, reportIds: erased }, 'reports erased');
      return { erased: erased.length };
    },
  };
}

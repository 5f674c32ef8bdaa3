import { z } from 'zod';
import { MAINTENANCE_JOBS, MAINTENANCE_QUEUE, type Logger } from '@relais/core';
import { ERASURE_RECORD_DAYS, purgeErasureRecords, purgeExpiredReports, type RelaisDb } from '@relais/db';
import type { JobDefinition } from '../job-definition.js';

const DAY_MS = 24 * 3600 * 1000;

/** Payload of a retention run (the scheduler adds it empty; `now` lets tests and admins pin the clock). */
export const retentionJobData = z.object({ now: z.iso.datetime({ offset: true }).optional() });

/** Payload of a retention run. */
export type RetentionJobData = z.infer<typeof retentionJobData>;

/** What the retention job needs. */
export interface RetentionJobDeps {
  readonly db: RelaisDb;
  readonly logger: Logger;
  /** Days after release or rejection before original content is purged (`RETENTION_DAYS`). */
  readonly retentionDays: number;
}

/**
 * The retention job (run by a job scheduler, hourly): purges original text, contact details, PII
 * offsets, text fingerprints and the message thread of reports released or rejected more than
 * `retentionDays` ago; the anonymised text and tags stay. It also forgets erasure requests older
 * than `ERASURE_RECORD_DAYS` (kept so that reports still in intake are erased when they arrive).
 * Drafts need no purge here: a draft lives only in the bots' Redis conversation state, which
 * expires by TTL.
 */
export function retentionJob(deps: RetentionJobDeps): JobDefinition<RetentionJobData, { purged: number }> {
  return {
    queue: MAINTENANCE_QUEUE,
    name: MAINTENANCE_JOBS.retention,
    schema: retentionJobData,
    async handle(data, { job }) {
      const now = data.now ? new Date(data.now) : new Date();
      const cutoff = new Date(now.getTime() - deps.retentionDays * DAY_MS);
      const purged = await purgeExpiredReports(deps.db, cutoff);
      const forgotten = await purgeErasureRecords(deps.db, new Date(now.getTime() - ERASURE_RECORD_DAYS * DAY_MS));
      deps.logger.info(
        { jobId: job.id, purged, erasureRecordsForgotten: forgotten, cutoff: cutoff.toISOString() },
        'retention run',
      );
      return { purged };
    },
  };
}

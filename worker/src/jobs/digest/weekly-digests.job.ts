import type { JobsOptions, Queue } from 'bullmq';
import {
  DIGEST_JOBS,
  DIGEST_QUEUE,
  PARTNER_DIGEST_JOB_OPTIONS,
  previousIsoWeek,
  partnerDigestJobId,
  weeklyDigestJobData,
  type Logger,
  type PartnerDigestJobData,
} from '@relais/core';
import { listActivePartners, type RelaisDb } from '@relais/db';
import type { z } from 'zod';
import type { JobDefinition } from '../job-definition.js';

/** What the weekly fan-out needs: the database and the digest queue to add partner jobs to. */
export interface WeeklyDigestsDeps {
  readonly db: RelaisDb;
  readonly queue: Queue;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Options of the partner jobs it adds; default {@link PARTNER_DIGEST_JOB_OPTIONS}. */
  readonly partnerJobOptions?: JobsOptions;
}

/**
 * Fired by the job scheduler every Monday 08:00 Paris: adds one partner digest job per active
 * partner for the week just finished. Job ids are (partner, week), so a second firing adds nothing.
 */
export function weeklyDigestsJob(
  deps: WeeklyDigestsDeps,
): JobDefinition<z.infer<typeof weeklyDigestJobData>, { isoWeek: string; partners: number }> {
  return {
    queue: DIGEST_QUEUE,
    name: DIGEST_JOBS.weekly,
    schema: weeklyDigestJobData,
    async handle(data) {
      const isoWeek = data.isoWeek ?? previousIsoWeek((deps.now ?? (() => new Date()))());
      const partners = await listActivePartners(deps.db);
      await deps.queue.addBulk(
        partners.map((p) => ({
          name: DIGEST_JOBS.partner,
          data: { v: 1, partnerId: p.id, isoWeek } satisfies PartnerDigestJobData,
          opts: { ...(deps.partnerJobOptions ?? PARTNER_DIGEST_JOB_OPTIONS), jobId: partnerDigestJobId(p.id, isoWeek) },
        })),
      );
      deps.logger.info({ isoWeek, partners: partners.length }, 'weekly digests queued');
      return { isoWeek, partners: partners.length };
    },
  };
}

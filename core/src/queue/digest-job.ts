import { z } from 'zod';
import { ISO_WEEK_PATTERN } from '../digest/iso-week.js';

/** Queue of weekly digests. */
export const DIGEST_QUEUE = 'digests';

/** Job names on {@link DIGEST_QUEUE}. */
export const DIGEST_JOBS = {
  /** Fired by the job scheduler every Monday 08:00 Paris: one `partner` job per active partner. */
  weekly: 'weekly-digests',
  /** One partner's digest for one ISO week (also added by hand by admins). */
  partner: 'partner-digest',
} as const;

/** Id of the job scheduler that fires {@link DIGEST_JOBS.weekly}. */
export const WEEKLY_DIGEST_SCHEDULER = 'weekly-digests';

/** Cron pattern of the weekly digest: Monday 08:00, in {@link DIGEST_SCHEDULE_TZ}. */
export const DIGEST_SCHEDULE = '0 8 * * 1';

/** Time zone of {@link DIGEST_SCHEDULE}. */
export const DIGEST_SCHEDULE_TZ = 'Europe/Paris';

/** Payload of the weekly fan-out job; `isoWeek` defaults to the week just finished. */
export const weeklyDigestJobData = z.object({
  v: z.literal(1),
  isoWeek: z.string().regex(ISO_WEEK_PATTERN).optional(),
});

/** Payload of one partner's digest job. */
export const partnerDigestJobData = z.object({
  v: z.literal(1),
  partnerId: z.uuid(),
  isoWeek: z.string().regex(ISO_WEEK_PATTERN),
});

/** Payload of a partner digest job. */
export type PartnerDigestJobData = z.infer<typeof partnerDigestJobData>;

/** The job id of a partner's digest for a week: a second firing or a retry adds nothing. */
export const partnerDigestJobId = (partnerId: string, isoWeek: string) => `digest-${partnerId}-${isoWeek}`;

/** Retry policy of a partner digest job (an SMTP outage of an hour is survived). */
export const PARTNER_DIGEST_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 30 * 24 * 3600 },
  removeOnFail: false,
} as const;

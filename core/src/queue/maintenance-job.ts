import { z } from 'zod';

/** Queue of maintenance work: retention purges, draft clean-up and erasure requests. */
export const MAINTENANCE_QUEUE = 'maintenance';

/** Job names on {@link MAINTENANCE_QUEUE}. */
export const MAINTENANCE_JOBS = {
  /** Purge original text and contact details past the retention period (job scheduler). */
  retention: 'retention',
  /** Erase every report of one reporter, leaving `erased` tombstones (from the bots). */
  erasure: 'erase-reporter-reports',
} as const;

/**
 * An erasure request from a bot: every report whose `reporter_key` is this keyed hash is erased
 * (content removed, status `erased`), optionally only the reports listed.
 */
export const erasureJobData = z.object({
  v: z.literal(1),
  reporterKey: z.string().regex(/^[0-9a-f]{64}$/),
  reportIds: z.array(z.uuid()).max(1_000).optional(),
  requestedAt: z.iso.datetime({ offset: true }),
});

/** Payload of an erasure job. */
export type ErasureJobData = z.infer<typeof erasureJobData>;

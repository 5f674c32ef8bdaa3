import type { Queue } from 'bullmq';
import { DIGEST_JOBS, PARTNER_DIGEST_JOB_OPTIONS, weekBounds } from '@relais/core';
import type { PartnerRow } from '@relais/db';
import { HttpError } from '../http/http-error.js';

/**
 * Asks the worker for one partner's digest of one finished ISO week (admins, API and CLI). The
 * digest is stored once per (partner, week) whatever asks for it, so asking again is harmless.
 * Throws an HttpError for a suspended partner, a malformed week or a week not over yet.
 */
export async function requestDigest(
  queue: Queue,
  partner: PartnerRow,
  isoWeek: string,
  now = new Date(),
): Promise<void> {
  if (partner.status !== 'active')
    throw new HttpError(409, 'PARTNER_SUSPENDED', 'error.digestPartnerSuspended', { slug: partner.slug });
  let end: Date;
  try {
    end = weekBounds(isoWeek).end;
  } catch {
    throw new HttpError(400, 'BAD_WEEK', 'error.badWeek', { week: isoWeek });
  }
  if (end.getTime() > now.getTime()) throw new HttpError(400, 'WEEK_NOT_OVER', 'error.weekNotOver', { week: isoWeek });
  await queue.add(
    DIGEST_JOBS.partner,
    { v: 1, partnerId: partner.id, isoWeek },
    { ...PARTNER_DIGEST_JOB_OPTIONS, jobId: `manual-${partner.id}-${isoWeek}-${now.getTime()}` },
  );
}

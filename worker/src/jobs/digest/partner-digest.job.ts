import { UnrecoverableError } from 'bullmq';
import {
  DIGEST_HISTORY_WEEKS,
  DIGEST_JOBS,
  DIGEST_QUEUE,
  addWeeks,
  buildDigestContent,
  partnerDigestJobData,
  publishDigest,
  weekBounds,
  type DigestContent,
  type Logger,
  type PartnerDigestJobData,
} from '@relais/core';
import {
  claimDigestEmail,
  digestFigures,
  failDigestEmail,
  findDigest,
  findPartner,
  insertDigestOnce,
  setDigestEmailStatus,
  type RelaisDb,
} from '@relais/db';
import type { JobDefinition } from '../job-definition.js';
import { renderDigestMail } from './digest-mail.js';
import type { DigestMailer } from './digest-mailer.js';

/** What the partner digest job needs. */
export interface PartnerDigestDeps {
  readonly db: RelaisDb;
  readonly logger: Logger;
  /** Undefined without `SMTP_URL`: digests are then stored and shown in the UI only. */
  readonly mailer: DigestMailer | undefined;
  readonly moderationUrl: string;
  readonly threshold: number;
}

/** Outcome of one partner digest job. */
export interface PartnerDigestResult {
  readonly digestId?: string;
  readonly created: boolean;
  readonly email: 'sent' | 'not_configured' | 'already_handled' | 'none';
  readonly skipped?: 'suspended';
}

/**
 * One partner's digest for one ISO week: figures under the partner's row-level security, stored
 * once per (partner, week) whatever fires it how often, then mailed at most once per success
 * (claim → send → mark); a failed send is retried by the job, never duplicated.
 */
export function partnerDigestJob(deps: PartnerDigestDeps): JobDefinition<PartnerDigestJobData, PartnerDigestResult> {
  return {
    queue: DIGEST_QUEUE,
    name: DIGEST_JOBS.partner,
    schema: partnerDigestJobData,
    async handle({ partnerId, isoWeek }, { job }) {
      const partner = await findPartner(deps.db, partnerId);
      if (!partner) throw new UnrecoverableError(`no partner ${partnerId}`);
      if (partner.status !== 'active') return { created: false, email: 'none', skipped: 'suspended' };
      const bounds = weekBounds(isoWeek);
      const figures = await digestFigures(deps.db, partnerId, {
        historyStart: weekBounds(addWeeks(isoWeek, -DIGEST_HISTORY_WEEKS)).start,
        weekStart: bounds.start,
        weekEnd: bounds.end,
      });
      const content = buildDigestContent({ isoWeek, partner: { id: partner.id, name: partner.name }, ...figures });
      const mailable = deps.mailer !== undefined && partner.digest_emails.length > 0;
      const inserted = await insertDigestOnce(deps.db, {
        partnerId,
        isoWeek,
        periodStart: content.period.from,
        content,
        emailStatus: mailable ? 'pending' : 'not_configured',
      });
      const digest = inserted ?? (await findDigest(deps.db, partnerId, isoWeek));
      if (!digest) throw new Error(`digest ${partnerId}/${isoWeek} vanished`);
      const log = deps.logger.child({ jobId: job.id, partnerId, isoWeek, digestId: digest.id });
      log.info({ created: inserted !== undefined }, inserted ? 'digest stored' : 'digest already stored');
      if (!mailable || !(await claimDigestEmail(deps.db, digest.id))) {
        return {
          digestId: digest.id,
          created: inserted !== undefined,
          email: mailable ? 'already_handled' : 'not_configured',
        };
      }
      const published = publishDigest(digest.content as unknown as DigestContent, deps.threshold);
      const mail = renderDigestMail(published, `${deps.moderationUrl}/partner/digests/${encodeURIComponent(isoWeek)}`);
      try {
        await deps.mailer.send(mail, partner.digest_emails, `<digest-${digest.id}@relais>`);
      } catch (error) {
        await failDigestEmail(deps.db, digest.id, error instanceof Error ? error.message : String(error));
        log.warn('digest e-mail failed; will retry');
        throw error;
      }
      await setDigestEmailStatus(deps.db, digest.id, 'sent');
      log.info('digest e-mailed');
      return { digestId: digest.id, created: inserted !== undefined, email: 'sent' };
    },
  };
}

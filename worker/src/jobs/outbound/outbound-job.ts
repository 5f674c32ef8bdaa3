import { DelayedError, UnrecoverableError } from 'bullmq';
import {
  contactRequest,
  openJson,
  openMessageBody,
  OUTBOUND_JOB,
  OUTBOUND_QUEUE,
  outboundJobData,
  replyButtonData,
  type ContactRequest,
  type Keyring,
  type Logger,
  type OutboundJobData,
  sealingContext,
} from '@relais/core';
import {
  findOutboundDelivery,
  hasFollowUpInbox,
  markMessageSent,
  recordMessageFailure,
  type OutboundDelivery,
  type RelaisDb,
} from '@relais/db';
import type { DigestMailer } from '../digest/digest-mailer.js';
import type { JobDefinition } from '../job-definition.js';
import { classifyDeliveryFailure } from './delivery-failure.js';
import { OUTBOUND_TEXTS } from './outbound-texts.js';
import { followUpUrl, recontactMail } from './recontact-mail.js';
import type { TelegramSend } from './telegram-sender.js';

/** How long a job may wait for its message row to be committed before it is said not to exist. */
const COMMIT_GRACE_MS = 2_000;

/** What the outbound job needs. */
export interface OutboundJobDeps {
  readonly db: RelaisDb;
  readonly keyring: Keyring;
  readonly logger: Logger;
  /** Sends to Telegram; undefined when the Telegram channel is off (no token). */
  readonly telegram: TelegramSend | undefined;
  /** The platform's SMTP mailer (`SMTP_URL`, the digests' one); undefined when mail is off. */
  readonly mailer?: DigestMailer | undefined;
  /** `PUBLIC_URL` of the bots: the follow-up page a re-contact e-mail points to. */
  readonly publicUrl?: string;
}

/** Outcome of one outbound job. */
export interface OutboundResult {
  /** `sent` by this run, or `already-sent` by an earlier one. */
  readonly status: 'sent' | 'already-sent';
}

/** How the reporter asked to be re-contacted (chat or e-mail), or the reason there is no way to write to them. */
function reporterContact(
  keyring: Keyring,
  report: OutboundDelivery['report'],
): Exclude<ContactRequest, { method: 'phone' }> | string {
  if (report.status === 'erased') return 'the report was erased at the reporter’s request';
  if (!report.contact_enc) return 'the reporter did not ask to be re-contacted (or the contact was purged)';
  if (report.contact_method === 'phone') return 'the reporter asked to be called by phone: call them, nothing is sent';
  const contact = contactRequest.safeParse(
    openJson(keyring, report.contact_enc, sealingContext.reportContact(report.id)),
  );
  if (!contact.success || contact.data.method === 'phone') return 'the stored contact is not a chat or e-mail address';
  return contact.data;
}

/**
 * The outbound job: delivers a moderator's message (a `messages` row, body sealed) to the reporter
 * through the channel they used, and records its delivery status: a Telegram message, or, for a
 * web reporter, the report's follow-up inbox (status `sent` makes it appear on `/report/follow`).
 * Each Telegram message carries a "Reply to the association" button (see `replyButtonData`). A
 * reporter who asked for e-mail gets, from the platform's SMTP mailer (never a staff mailbox), a
 * mail with no report content that points to the follow-up page, where the message waits.
 * Telegram limits are respected (429 waited out, BullMQ rate limit on the queue); transient
 * failures are retried with backoff, permanent ones (bot blocked, no chat contact, erased report,
 * a report without follow-up inbox) fail at once with their reason. Web and Telegram e-mail
 * reporters alike hold a follow-up phrase (their receipt gave it), so the mail's link opens their thread.
 * The reporter's address is opened only here, in memory; it is never logged nor stored in Redis.
 */
export function outboundJob(deps: OutboundJobDeps): JobDefinition<OutboundJobData, OutboundResult> {
  return {
    queue: OUTBOUND_QUEUE,
    name: OUTBOUND_JOB,
    schema: outboundJobData,
    async handle(data, { job, token }) {
      const log = deps.logger.child({ jobId: job.id, messageId: data.messageId });
      const delivery = await findOutboundDelivery(deps.db, data.messageId);
      // The moderation service enqueues inside the transaction that inserts the message, so a fast
      // worker can look before the commit: a young job waits a moment (no attempt spent) first.
      if (!delivery && token && Date.now() - job.timestamp < COMMIT_GRACE_MS) {
        await job.moveToDelayed(Date.now() + 200, token);
        throw new DelayedError();
      }
      if (!delivery)
        throw new UnrecoverableError(`message ${data.messageId} does not exist (deleted, or the report was erased)`);
      if (delivery.message.direction !== 'to_reporter')
        throw new UnrecoverableError(`message ${data.messageId} is not addressed to a reporter`);
      if (delivery.message.status === 'sent') return { status: 'already-sent' };

      const fail = async (reason: string): Promise<never> => {
        await recordMessageFailure(deps.db, data.messageId, reason, true);
        log.warn({ reportId: delivery.report.id, reason }, 'message cannot be delivered');
        throw new UnrecoverableError(reason);
      };
      const contact = reporterContact(deps.keyring, delivery.report);
      if (typeof contact === 'string') return fail(contact);
      if (contact.method === 'email') {
        if (!(await hasFollowUpInbox(deps.db, delivery.report.id)))
          return fail(
            'this report has no follow-up page for an e-mail to point to (a Telegram report sent before its receipt gave a secret phrase): reach the reporter another way',
          );
        if (!deps.mailer || !deps.publicUrl) return fail('e-mail is off (SMTP_URL unset): set it and retry the job');
        const lang = delivery.report.lang;
        try {
          await deps.mailer.send(
            recontactMail(lang, followUpUrl(deps.publicUrl, lang)),
            [contact.value],
            `<${data.messageId}@relais.recontact>`,
          );
        } catch (error) {
          const code = (error as { responseCode?: number }).responseCode;
          const reason = `smtp: ${code ?? (error as Error).name}`;
          // 5xx: the relay refuses for good (unknown mailbox…); 4xx and network errors are retried.
          if (code !== undefined && code >= 500) return fail(reason);
          const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          await recordMessageFailure(deps.db, data.messageId, reason, last);
          log.warn(
            { reportId: delivery.report.id, reason, attemptsMade: job.attemptsMade + 1 },
            'e-mail attempt failed',
          );
          throw new Error(reason);
        }
        // The message itself waits in the follow-up inbox: `sent` makes it appear on the page.
        await markMessageSent(deps.db, data.messageId);
        log.info({ reportId: delivery.report.id }, 'message in the follow-up inbox; reporter told by e-mail');
        return { status: 'sent' };
      }
      const address = contact.address;
      if (address.channel === 'webchat') {
        // The web page is gone once closed: the message waits in the report's follow-up inbox,
        // read with the reference and secret phrase on /report/follow. Delivered = in the inbox.
        if (!(await hasFollowUpInbox(deps.db, delivery.report.id))) {
          return fail(
            'this web report has no follow-up inbox (sent before web follow-up existed): reach the reporter another way',
          );
        }
        await markMessageSent(deps.db, data.messageId);
        log.info({ reportId: delivery.report.id }, 'message delivered to the web follow-up inbox');
        return { status: 'sent' };
      }
      if (!deps.telegram) return fail('Telegram is off (TELEGRAM_BOT_TOKEN unset): set it and retry the job');

      const body = openMessageBody(deps.keyring, data.messageId, delivery.message.body_enc);
      try {
        await deps.telegram(address.chatId, body, {
          label: OUTBOUND_TEXTS[delivery.report.lang].replyButton,
          data: replyButtonData(data.messageId),
        });
      } catch (error) {
        const failure = classifyDeliveryFailure(error);
        if (failure.permanent) return fail(failure.reason);
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        await recordMessageFailure(deps.db, data.messageId, failure.reason, last);
        log.warn(
          { reportId: delivery.report.id, reason: failure.reason, attemptsMade: job.attemptsMade + 1 },
          'delivery attempt failed',
        );
        throw new Error(failure.reason);
      }
      await markMessageSent(deps.db, data.messageId);
      log.info({ reportId: delivery.report.id }, 'message delivered');
      return { status: 'sent' };
    },
  };
}

import { DelayedError, UnrecoverableError } from 'bullmq';
import {
  contactRequest,
  openJson,
  openMessageBody,
  OUTBOUND_JOB,
  OUTBOUND_QUEUE,
  outboundJobData,
  type ChannelAddress,
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
import type { JobDefinition } from '../job-definition.js';
import { classifyDeliveryFailure } from './delivery-failure.js';
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
}

/** Outcome of one outbound job. */
export interface OutboundResult {
  /** `sent` by this run, or `already-sent` by an earlier one. */
  readonly status: 'sent' | 'already-sent';
}

/** The reporter's chat address, or the reason there is none to write to. */
function chatAddress(keyring: Keyring, report: OutboundDelivery['report']): ChannelAddress | string {
  if (report.status === 'erased') return 'the report was erased at the reporter’s request';
  if (report.contact_method !== 'chat' || !report.contact_enc)
    return 'the reporter did not ask to be re-contacted through the chat (or the contact was purged)';
  const contact = contactRequest.safeParse(
    openJson(keyring, report.contact_enc, sealingContext.reportContact(report.id)),
  );
  if (!contact.success || contact.data.method !== 'chat') return 'the stored contact is not a chat address';
  return contact.data.address;
}

/**
 * The outbound job: delivers a moderator's message (a `messages` row, body sealed) to the reporter
 * through the channel they used, and records its delivery status: a Telegram message, or, for a
 * web reporter, the report's follow-up inbox (status `sent` makes it appear on `/report/follow`).
 * Telegram limits are respected (429 waited out, BullMQ rate limit on the queue); transient
 * failures are retried with backoff, permanent ones (bot blocked, no chat contact, erased report,
 * a web report without follow-up inbox) fail at once with their reason.
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
      const address = chatAddress(deps.keyring, delivery.report);
      if (typeof address === 'string') return fail(address);
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
        await deps.telegram(address.chatId, body);
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

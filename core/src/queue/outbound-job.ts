import { z } from 'zod';

/** Queue of messages from the association to reporters (moderator replies). */
export const OUTBOUND_QUEUE = 'outbound';

/** The one job kind on {@link OUTBOUND_QUEUE}. */
export const OUTBOUND_JOB = 'deliver-message';

/**
 * An outbound job names a row of `messages` (its body is encrypted there); the worker reads it,
 * opens the reporter's channel address from the report and delivers it. The job id is the message id.
 */
export const outboundJobData = z.object({
  v: z.literal(1),
  messageId: z.uuid(),
});

/** Payload of an outbound job. */
export type OutboundJobData = z.infer<typeof outboundJobData>;

/** `callback_data` prefix of the "Reply to the association" button under a delivered Telegram message. */
const REPLY_BUTTON_PREFIX = 'r:';

/**
 * The `callback_data` of the reply button under the association's message `messageId` (41 bytes,
 * within Telegram's 64). Written by the outbound job, read back by the Telegram bot, which checks
 * that the message was delivered to the chat that taps it before taking an answer.
 */
export function replyButtonData(messageId: string): string {
  return `${REPLY_BUTTON_PREFIX}${messageId}`;
}

/** The message id in reply-button `callback_data`, or undefined for other data. */
export function parseReplyButtonData(data: string): string | undefined {
  return data.startsWith(REPLY_BUTTON_PREFIX) ? data.slice(REPLY_BUTTON_PREFIX.length) : undefined;
}

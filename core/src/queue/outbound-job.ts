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

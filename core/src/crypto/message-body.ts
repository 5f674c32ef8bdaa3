import type { Keyring } from './keyring.js';
import { open, seal } from './envelope.js';
import { sealingContext } from './sealing-contexts.js';

/**
 * Seals the text of a message to or from a reporter for `messages.body_enc`. The moderation UI
 * seals with it before inserting the row (and queuing the outbound job, whose id is the message id);
 * the worker opens it with {@link openMessageBody} just before delivery.
 */
export function sealMessageBody(keyring: Keyring, messageId: string, body: string): Buffer {
  return seal(keyring, body, sealingContext.messageBody(messageId));
}

/** Opens a message body sealed by {@link sealMessageBody}; throws `CryptoError` when it cannot. */
export function openMessageBody(keyring: Keyring, messageId: string, envelope: Buffer): string {
  return open(keyring, envelope, sealingContext.messageBody(messageId)).toString('utf8');
}

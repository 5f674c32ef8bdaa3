import { randomUUID } from 'node:crypto';
import { sealMessageBody, type Keyring } from '@relais/core';
import {
  findRecentAssociationMessage,
  findReplyTarget,
  insertReporterMessage,
  type RelaisDb,
  type ReplyTarget,
} from '@relais/db';

/**
 * An association message younger than this makes a plain message outside a report ask "is this an
 * answer to the association or a new report?". Older ones are answered with their button only.
 */
export const RECENT_ASSOCIATION_MESSAGE_DAYS = 14;

/**
 * The report threads a Telegram reporter may answer, checked against their keyed chat hash, and
 * their answers stored sealed in the thread staff read (the same `messages` rows as the web
 * follow-up page's answers). The reply button works as long as the report's thread is kept: until
 * the report is erased, or its content purged by retention.
 */
export class ReporterAnswers {
  constructor(
    private readonly db: RelaisDb,
    private readonly keyring: Keyring,
  ) {}

  /** The report of the association message `messageId`, if it was delivered to this reporter and is still kept. */
  target(messageId: string, reporterKey: string): Promise<ReplyTarget | undefined> {
    return findReplyTarget(this.db, messageId, reporterKey);
  }

  /** The report the association wrote to this reporter about lately ({@link RECENT_ASSOCIATION_MESSAGE_DAYS}). */
  recent(reporterKey: string, now: Date): Promise<ReplyTarget | undefined> {
    const since = new Date(now.getTime() - RECENT_ASSOCIATION_MESSAGE_DAYS * 86_400_000);
    return findRecentAssociationMessage(this.db, reporterKey, since);
  }

  /** Stores an answer sealed in the report's thread (unread for staff; `urgent` when it said danger); false when the report is gone. */
  async store(reportId: string, text: string, urgent: boolean): Promise<{ stored: boolean; messageId: string }> {
    const messageId = randomUUID();
    const stored = await insertReporterMessage(this.db, {
      id: messageId,
      reportId,
      bodyEnc: sealMessageBody(this.keyring, messageId, text),
      urgent,
    });
    return { stored, messageId };
  }
}

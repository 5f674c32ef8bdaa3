import type { Generated, Selectable } from 'kysely';

/**
 * `messages`: the confidential thread between the association and a reporter who asked to be
 * re-contacted. Bodies are encrypted; delivery of outbound ones is tracked here.
 */
export interface MessageTable {
  id: Generated<string>;
  report_id: string;
  direction: 'to_reporter' | 'from_reporter';
  author_id: string | null;
  body_enc: Buffer;
  status: Generated<'queued' | 'sent' | 'failed' | 'received'>;
  attempts: Generated<number>;
  error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
  /** A reporter's answer that said they are in danger now (migration `2026-12-04-70-reporter-answers`). */
  urgent: Generated<boolean>;
  /** When staff read a reporter's answer; null: unread. */
  read_at: Date | null;
}

/** A message row. */
export type MessageRow = Selectable<MessageTable>;

import type { ColumnType, Generated, Selectable } from 'kysely';

/** `digests`: one weekly anonymised digest per partner and ISO week (unique). */
export interface DigestTable {
  id: Generated<string>;
  partner_id: string;
  iso_week: string;
  period_start: ColumnType<string, string, string>;
  content: ColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
  email_status: Generated<'not_configured' | 'pending' | 'sending' | 'sent' | 'failed'>;
  emailed_at: Date | null;
  email_error: string | null;
  email_attempts: Generated<number>;
}

/** A digest row. */
export type DigestRow = Selectable<DigestTable>;

import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../tables/database.js';
import type { ReportTable } from '../tables/report.table.js';

/** A PII finding a moderator dismissed: its kind and a keyed hash of its text, never the text. */
export interface PiiDismissal {
  readonly kind: string;
  readonly hash: string;
}

/** The `reports` columns added by migration `2026-11-22-20-moderation` (staff only). */
export interface ModerationReportColumns {
  tags: ColumnType<string[], string[] | undefined, string[]>;
  flagged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  pii_dismissals: ColumnType<PiiDismissal[], string | undefined, string>;
  queue_rank: ColumnType<number, never, never>;
}

/** The Relais schema as the moderation repositories see it: `reports` with the moderation columns. */
export interface ModerationDatabase extends Omit<Database, 'reports'> {
  reports: ReportTable & ModerationReportColumns;
}

/** A database handle or transaction typed with {@link ModerationDatabase}. */
export type ModerationExecutor = Kysely<ModerationDatabase> | Transaction<ModerationDatabase>;

/**
 * The same handle, typed with the moderation columns. The columns exist once migrations ran; the
 * cast only widens the compile-time schema.
 */
export function moderationView(db: Kysely<Database> | Transaction<Database>): ModerationExecutor {
  return db as unknown as ModerationExecutor;
}

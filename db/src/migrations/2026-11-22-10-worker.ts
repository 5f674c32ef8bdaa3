import { sql, type Kysely } from 'kysely';

/**
 * What the worker needs beyond the first schema:
 * - `reports.text_fingerprint`: a keyed MinHash signature (256 hex digits) of the normalised original text,
 *   computed before encryption. It finds near-identical reports of one reporter without storing
 *   the text; without the data key it tells nothing about the text. Purged with the text.
 * - an index for the retention sweep (released or rejected reports not yet purged).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE reports ADD COLUMN text_fingerprint text CHECK (length(text_fingerprint) = 256 AND text_fingerprint ~ '^[0-9a-f]+$');
    CREATE INDEX reports_retention ON reports ((coalesce(released_at, rejected_at)))
      WHERE purged_at IS NULL AND status IN ('done', 'rejected');
  `.execute(db);
}

/** Drops what {@link up} added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX reports_retention;
    ALTER TABLE reports DROP COLUMN text_fingerprint;
  `.execute(db);
}

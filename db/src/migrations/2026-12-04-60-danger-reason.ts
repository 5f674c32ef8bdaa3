import { sql, type Kysely } from 'kysely';

/**
 * Why a report was marked in danger, as two enum-like codes (core's `dangerReason`): `danger_at`
 * (the question being asked, `story`, `idle` or `submitted`) and `danger_via` (`words`, `command`,
 * `button`). Both null on older reports and on reports not in danger; never the person's words.
 * Staff only: `relais_partner` has column-level grants and gets none on these (a test checks it).
 * The lists are frozen here on purpose, like the partner columns of the row-level-security migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE reports
      ADD COLUMN danger_at text CHECK (danger_at IN (
        'idle', 'welcome', 'role', 'minor', 'acts', 'motives', 'when', 'where', 'place', 'story',
        'author', 'online_reach', 'complaint', 'contact', 'summary', 'submitted'
      )),
      ADD COLUMN danger_via text CHECK (danger_via IN ('words', 'command', 'button')),
      ADD CONSTRAINT reports_danger_reason_check CHECK (
        (danger_at IS NULL AND danger_via IS NULL) OR (danger_at IS NOT NULL AND danger_via IS NOT NULL AND in_danger)
      );
  `.execute(db);
}

/** Drops both columns (and their checks). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE reports DROP CONSTRAINT reports_danger_reason_check, DROP COLUMN danger_at, DROP COLUMN danger_via`.execute(
    db,
  );
}

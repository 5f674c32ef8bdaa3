import { sql, type Kysely } from 'kysely';

/**
 * Digest delivery states: `sending` marks a send in progress (a crash there leaves it visible to
 * admins instead of mailing twice), and the last error is kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE digests DROP CONSTRAINT digests_email_status_check;
    ALTER TABLE digests ADD CONSTRAINT digests_email_status_check
      CHECK (email_status IN ('not_configured', 'pending', 'sending', 'sent', 'failed'));
    ALTER TABLE digests ADD COLUMN email_error text;
    ALTER TABLE digests ADD COLUMN email_attempts integer NOT NULL DEFAULT 0;
  `.execute(db);
}

/** Reverts {@link up} (a `sending` digest becomes `failed`). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE digests SET email_status = 'failed' WHERE email_status = 'sending';
    ALTER TABLE digests DROP COLUMN email_attempts;
    ALTER TABLE digests DROP COLUMN email_error;
    ALTER TABLE digests DROP CONSTRAINT digests_email_status_check;
    ALTER TABLE digests ADD CONSTRAINT digests_email_status_check
      CHECK (email_status IN ('not_configured', 'pending', 'sent', 'failed'));
  `.execute(db);
}

import { sql, type Kysely } from 'kysely';

/**
 * What staff need to know about a reporter's answer in a report's thread, without opening it:
 * `messages.urgent` (the answer said the person is in danger now; it got the emergency guidance)
 * and `messages.read_at` (null while no staff member has read a `from_reporter` answer: the report
 * has an unread answer). Neither holds content. The partial index finds unread answers quickly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE messages ADD COLUMN urgent boolean NOT NULL DEFAULT false;
    ALTER TABLE messages ADD COLUMN read_at timestamptz;
    CREATE INDEX messages_unread_answers ON messages (report_id)
      WHERE direction = 'from_reporter' AND read_at IS NULL;
  `.execute(db);
}

/** Drops both columns and the index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX messages_unread_answers;
    ALTER TABLE messages DROP COLUMN read_at;
    ALTER TABLE messages DROP COLUMN urgent;
  `.execute(db);
}

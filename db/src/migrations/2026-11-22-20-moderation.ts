import { sql, type Kysely } from 'kysely';

/**
 * What the moderation service needs on `reports`: staff tags, a partner-flag marker, the PII
 * findings a moderator dismissed (keyed hashes, never the text), and a `queue_rank` (0 for new and
 * flagged reports, 1 otherwise) with the index the staff queue page reads in order. None of these
 * columns is granted to `relais_partner`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE reports
      ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
      ADD COLUMN flagged_at timestamptz,
      ADD COLUMN pii_dismissals jsonb NOT NULL DEFAULT '[]';
    ALTER TABLE reports
      ADD COLUMN queue_rank smallint GENERATED ALWAYS AS
        (CASE WHEN status = 'received' OR flagged_at IS NOT NULL THEN 0 ELSE 1 END) STORED;
    CREATE INDEX reports_staff_queue ON reports (queue_rank, priority DESC, received_at, id)
      WHERE status IN ('received', 'in_review');
    CREATE INDEX reports_released_page ON reports (released_at DESC, id) WHERE status = 'done';
    CREATE INDEX reports_flagged ON reports (flagged_at) WHERE flagged_at IS NOT NULL AND status = 'in_review';
    CREATE INDEX audit_events_actor ON audit_events (actor_id, at DESC);
    CREATE INDEX audit_events_action ON audit_events (action, at DESC);
    CREATE INDEX accounts_partner ON accounts (partner_id) WHERE partner_id IS NOT NULL;
    CREATE INDEX flags_partner ON flags (partner_id, created_at DESC);
  `.execute(db);
}

/** Removes the columns and indexes of {@link up}. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX flags_partner;
    DROP INDEX accounts_partner;
    DROP INDEX audit_events_action;
    DROP INDEX audit_events_actor;
    DROP INDEX reports_flagged;
    DROP INDEX reports_released_page;
    DROP INDEX reports_staff_queue;
    ALTER TABLE reports DROP COLUMN queue_rank;
    ALTER TABLE reports DROP COLUMN pii_dismissals, DROP COLUMN flagged_at, DROP COLUMN tags;
  `.execute(db);
}

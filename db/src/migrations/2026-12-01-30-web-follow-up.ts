import { sql, type Kysely } from 'kysely';

/**
 * Follow-up of web reports without an account: `report_follow_ups` keeps, for each web report, the
 * slow peppered hash of the secret phrase shown once in its receipt (scrypt, see the bots'
 * `follow-up-secret.ts`), never the phrase. The row outlives an erasure (the tombstone can still
 * say "erased" to its holder) and goes with the report row itself. Only `relais_app` reads it,
 * under row-level security like the other tables; partners have no grant at all.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE report_follow_ups (
      report_id uuid PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
      secret_hash text NOT NULL CHECK (length(secret_hash) BETWEEN 32 AND 300),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    GRANT SELECT, INSERT, UPDATE, DELETE ON report_follow_ups TO relais_app;
    ALTER TABLE report_follow_ups ENABLE ROW LEVEL SECURITY;
    CREATE POLICY app_all ON report_follow_ups TO relais_app USING (true) WITH CHECK (true);
  `.execute(db);
}

/** Drops the table of {@link up} (web reporters can no longer follow their reports). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE report_follow_ups;`.execute(db);
}

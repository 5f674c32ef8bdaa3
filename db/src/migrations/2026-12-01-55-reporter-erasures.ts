import { sql, type Kysely } from 'kysely';

/**
 * Erasure of reports still on their way in. `reporter_erasures` records, per reporter key, the
 * latest time that reporter asked to erase everything; a report submitted before that time and
 * stored afterwards (its intake job was queued or retrying, e.g. during a database outage) is stored
 * as an `erased` tombstone instead. Two functions make the two sides meet without a race:
 *
 * - `relais_lock_reporter_for_erasure(key)`: the erasure transaction takes it first (exclusive
 *   transaction-level advisory lock on the reporter), then records the request and erases what is
 *   stored;
 * - `relais_reporter_erased(key, submitted_at)`: the intake insert calls it per row. It takes the
 *   same lock shared (so it waits for an erasure in progress), then reads the record with a fresh
 *   snapshot (the function is VOLATILE), so it sees an erasure that committed while it waited.
 *   An erasure that starts while an insert holds the lock waits for the insert's commit, and then
 *   sees (and erases) the new rows.
 *
 * Records hold only the keyed hash the reports already carried, and are purged by the retention job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reporter_erasures (
      reporter_key text PRIMARY KEY CHECK (reporter_key ~ '^[0-9a-f]{64}$'),
      requested_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    GRANT SELECT, INSERT, UPDATE, DELETE ON reporter_erasures TO relais_app;
    ALTER TABLE reporter_erasures ENABLE ROW LEVEL SECURITY;
    CREATE POLICY app_all ON reporter_erasures TO relais_app USING (true) WITH CHECK (true);

    CREATE FUNCTION relais_lock_reporter_for_erasure(key text) RETURNS void LANGUAGE sql VOLATILE AS
      $$ SELECT pg_advisory_xact_lock(hashtext('relais:reporter-erasure'), hashtext(key)) $$;
    CREATE FUNCTION relais_reporter_erased(key text, submitted timestamptz) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      IF key IS NULL THEN
        RETURN false;
      END IF;
      PERFORM pg_advisory_xact_lock_shared(hashtext('relais:reporter-erasure'), hashtext(key));
      RETURN EXISTS (SELECT 1 FROM reporter_erasures e WHERE e.reporter_key = key AND e.requested_at >= submitted);
    END
    $$;
    GRANT EXECUTE ON FUNCTION relais_lock_reporter_for_erasure(text), relais_reporter_erased(text, timestamptz) TO relais_app;
  `.execute(db);
}

/** Drops the table and functions of {@link up}. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP FUNCTION relais_reporter_erased(text, timestamptz);
    DROP FUNCTION relais_lock_reporter_for_erasure(text);
    DROP TABLE reporter_erasures;
  `.execute(db);
}

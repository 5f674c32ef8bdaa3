import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring } from '@relais/core';
import { insertIntakeReports, PREPARED_STATEMENT } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { toReportRow } from '@relais/worker';
import { submission } from '../support/submissions.ts';
import { testConfig } from '../support/test-config.ts';

let t: TestDatabase;
const keyring = createKeyring(randomBytes(32));
const report = () => ({ row: toReportRow(submission(), keyring, { tunnel: null, piiFindings: [], now: new Date() }), textFingerprint: null });

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'prepared');
});

afterAll(async () => {
  await t?.drop();
});

describe('a statement marked PREPARED_STATEMENT', () => {
  it('is prepared once per connection and reused, with each run its own data; other statements are not prepared', async () => {
    await t.db.connection().execute(async (connection) => {
      const first = await insertIntakeReports(connection, [report(), report()]);
      const second = await insertIntakeReports(connection, [report()]);
      expect([...first, ...second].map((r) => r.stored)).toEqual([true, true, true]);
      await sql`SELECT 1`.execute(connection);
      const prepared = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(connection);
      expect(prepared.rows).toHaveLength(1);
      expect(prepared.rows[0]!.name).toMatch(/^relais_[0-9a-f]{24}$/);
      expect(prepared.rows[0]!.statement.startsWith(PREPARED_STATEMENT)).toBe(true);
    });
    expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM reports`.execute(t.db)).rows[0]!.n)).toBe(3);
  });

  it('is prepared again on a new connection after the old one was cut by the server', async () => {
    const pids = new Set<number>();
    await t.db.connection().execute(async (connection) => {
      await insertIntakeReports(connection, [report()]);
      pids.add((await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(connection)).rows[0]!.pid);
    });
    // Cut every connection of the pool from outside, as a server restart would.
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    // CASE, not AND: PostgreSQL may evaluate the conditions of a WHERE in any order.
    const cut = await admin.query(
      `SELECT count(*) FILTER (WHERE CASE WHEN s.pid <> pg_backend_pid() THEN pg_terminate_backend(s.pid) ELSE false END) AS n
       FROM pg_stat_activity s WHERE s.datname = current_database()`,
    );
    await admin.end();
    expect(Number(cut.rows[0].n)).toBeGreaterThanOrEqual(1);
    // The pool drops dead connections as it meets them; a fresh one prepares the statement for itself.
    let stored: boolean | undefined;
    for (let attempt = 0; attempt < 12 && stored === undefined; attempt++) {
      stored = await insertIntakeReports(t.db, [report()]).then((r) => r[0]!.stored, () => undefined);
    }
    expect(stored).toBe(true);
    const now = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(t.db)).rows[0]!.pid;
    expect(pids.has(now)).toBe(false);
  });
});

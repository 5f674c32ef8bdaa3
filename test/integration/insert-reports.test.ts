import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, noPiiDetector, reportTags } from '@relais/core';
import { insertReports, toReportRow } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { submission } from '../support/submissions.ts';
import { testConfig } from '../support/test-config.ts';

let t: TestDatabase;
const keyring = createKeyring(randomBytes(32));
const report = () => {
  const s = submission();
  return toReportRow(
    s,
    { ...reportTags(s, { keyring, detectPii: noPiiDetector, now: new Date() }), tunnel: null },
    keyring,
  );
};

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'insertreports');
});

afterAll(async () => {
  await t?.drop();
});

describe('insertReports', () => {
  it('stores each batch with its own data, run after run on one connection', async () => {
    await t.db.connection().execute(async (connection) => {
      const first = await insertReports(connection, [report(), report()]);
      const second = await insertReports(connection, [report()]);
      expect([...first, ...second].map((r) => r.stored)).toEqual([true, true, true]);
    });
    expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM reports`.execute(t.db)).rows[0]!.n)).toBe(3);
  });

  it('stores again on a new connection after the old one was cut by the server', async () => {
    const pids = new Set<number>();
    await t.db.connection().execute(async (connection) => {
      await insertReports(connection, [report()]);
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
    // The pool drops dead connections as it meets them; a fresh one stores the report.
    let stored: boolean | undefined;
    for (let attempt = 0; attempt < 12 && stored === undefined; attempt++) {
      stored = await insertReports(t.db, [report()]).then(
        (r) => r[0]!.stored,
        () => undefined,
      );
    }
    expect(stored).toBe(true);
    const now = (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(t.db)).rows[0]!.pid;
    expect(pids.has(now)).toBe(false);
  });
});

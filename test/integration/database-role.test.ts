import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRoleError, createDatabase } from '@relais/db';
import { type TestDatabase, createTestDatabase } from '@relais/db/testing';
import { testConfig } from '../support/test-config.ts';

let t: TestDatabase;
const loginRole = `relais_norole_${randomBytes(4).toString('hex')}`;

async function asOwner(query: string): Promise<void> {
  const owner = new pg.Client({ connectionString: t.url });
  await owner.connect();
  try {
    await owner.query(query);
  } finally {
    await owner.end();
  }
}

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'dbrole');
  // A login role that was never granted relais_app (as on a server where the migrations ran as someone else).
  await asOwner(`CREATE ROLE ${loginRole} LOGIN PASSWORD 'not-a-secret'`);
});
afterAll(async () => {
  await asOwner(`DROP ROLE IF EXISTS ${loginRole}`).catch(() => undefined);
  await t?.drop();
});

const asLoginRole = () => {
  const url = new URL(t.url);
  url.username = loginRole;
  url.password = 'not-a-secret';
  return url.toString();
};

describe('the application database handle', () => {
  it('runs every query as relais_app, so row-level security applies', async () => {
    const { rows } = await sql<{ role: string }>`SELECT current_user AS role`.execute(t.db);
    expect(rows[0]!.role).toBe('relais_app');
  });

  it('fails loudly, naming the role and how to grant it, when a connection cannot switch to relais_app', async () => {
    const db = createDatabase({ connectionString: asLoginRole(), max: 1 });
    try {
      const first = sql`SELECT 1`.execute(db);
      await expect(first).rejects.toBeInstanceOf(DatabaseRoleError);
      await expect(first).rejects.toThrow(/cannot SET ROLE relais_app \(permission denied to set role "relais_app"\)/);
      await expect(first).rejects.toThrow(/GRANT relais_app TO <login role>/);
      // The refused connection was dropped, not handed back to the pool to run as the login role.
      await expect(sql`SELECT current_user`.execute(db)).rejects.toMatchObject({ code: 'DATABASE_ROLE' });
    } finally {
      await db.destroy();
    }
  });

  it('keeps the login role only when withoutAppRole says the database has no Relais roles', async () => {
    const db = createDatabase({ connectionString: asLoginRole(), max: 1, withoutAppRole: true });
    try {
      const { rows } = await sql<{ role: string }>`SELECT current_user AS role`.execute(db);
      expect(rows[0]!.role).toBe(loginRole);
    } finally {
      await db.destroy();
    }
  });
});

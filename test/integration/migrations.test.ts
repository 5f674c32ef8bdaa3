import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { testConfig } from '../support/test-config.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'migrations');
});
afterAll(async () => t?.drop());

const tables = async () =>
  (await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_%' ORDER BY 1`.execute(t.db)).rows.map(
    (r) => r.tablename,
  );

describe('migrations', () => {
  it('create every table of the data model', async () => {
    expect(await tables()).toEqual([
      'accounts',
      'audit_events',
      'digests',
      'flags',
      'messages',
      'partner_scope_rules',
      'partners',
      'report_follow_ups',
      'reporter_erasures',
      'reports',
      'safe_places',
    ]);
  });

  it('go down one by one to an empty schema and up again', async () => {
    let reverted: string[];
    do {
      reverted = await migrateDown(t.url);
    } while (reverted.length > 0);
    expect(await tables()).toEqual([]);
    expect((await migrateToLatest(t.url)).length).toBeGreaterThanOrEqual(2);
    expect(await tables()).toContain('reports');
    expect(await migrateToLatest(t.url)).toEqual([]);
  });

  it('leave the application role unable to alter the audit log', async () => {
    await t.db.insertInto('audit_events').values({ actor_role: 'system', action: 'test' }).execute();
    await expect(t.db.updateTable('audit_events').set({ action: 'forged' }).execute()).rejects.toThrow(/permission denied/);
    await expect(t.db.deleteFrom('audit_events').execute()).rejects.toThrow(/permission denied/);
  });
});

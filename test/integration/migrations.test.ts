import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '@relais/core';
import { createDatabase, migrateDown, migrateToLatest } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { reportRow } from '../support/report-rows.ts';
import { testConfig } from '../support/test-config.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'migrations');
});
afterAll(async () => t?.drop());

const tables = async () =>
  (
    await sql<{
      tablename: string;
    }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_%' ORDER BY 1`.execute(
      t.db,
    )
  ).rows.map((r) => r.tablename);

describe('migrations', () => {
  it('create every table of the data model', async () => {
    expect(await tables()).toEqual([
      'accounts',
      'audit_events',
      'digests',
      'flags',
      'languages',
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
    await expect(t.db.updateTable('audit_events').set({ action: 'forged' }).execute()).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.db.deleteFrom('audit_events').execute()).rejects.toThrow(/permission denied/);
  });

  it('let a report be in every language of LANGS and refuse any other', async () => {
    for (const lang of LANGS) await t.db.insertInto('reports').values(reportRow({ lang })).execute();
    const stored = await t.db
      .selectFrom('reports')
      .select('lang')
      .where('lang', 'in', [...LANGS])
      .execute();
    expect(new Set(stored.map((r) => r.lang))).toEqual(new Set(LANGS));
    await expect(
      t.db
        .insertInto('reports')
        .values(reportRow({ lang: 'de' as Lang }))
        .execute(),
    ).rejects.toThrow(/reports_lang_fkey/);
  });

  it('fill the languages table from LANGS after migrating, again after a language was removed', async () => {
    const owner = createDatabase({ connectionString: t.url, max: 1, withoutAppRole: true });
    try {
      const codes = async () =>
        (await owner.selectFrom('languages').select('code').orderBy('code').execute()).map((r) => r.code);
      expect(await codes()).toEqual([...LANGS].sort());
      await owner.deleteFrom('reports').where('lang', '=', 'en').execute();
      await owner.deleteFrom('languages').where('code', '=', 'en').execute();
      expect(await codes()).not.toContain('en');
      expect(await migrateToLatest(t.url)).toEqual([]);
      expect(await codes()).toEqual([...LANGS].sort());
    } finally {
      await owner.destroy();
    }
  });
});

import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_FIELDS } from '@relais/core';
import {
  createPartner,
  insertReport,
  PARTNER_REPORT_COLUMNS,
  searchPartnerReports,
  setPartnerStatus,
  withPartnerScope,
} from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { partnerRefsOf, reportIdsOfPartnerRefs } from '../support/partner-refs.ts';
import { reportRow } from '../support/report-rows.ts';
import { WORLD_SEEDS, scopeWorld } from '../support/scope-world.ts';
import { testConfig } from '../support/test-config.ts';

let t: TestDatabase;
const released = { status: 'done' as const, released_at: new Date(), anonymised_text: 'Insultes à la sortie du tram.' };

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'rls');
});
afterAll(async () => t?.drop());

describe('partner row-level security', () => {
  it('partner never sees a report outside its postal codes and tunnels, nor an unreleased one', async () => {
    const city = await createPartner(t.db, {
      slug: 'montpellier',
      name: 'Ville de Montpellier',
      scope: [
        { tunnels: [], postalCodes: ['34000', '34070'] },
        { tunnels: ['montpellier'], postalCodes: [] },
      ],
    });
    const inCode = reportRow({ ...released, postal_code: '34070' });
    const viaTunnel = reportRow({ ...released, postal_code: '75010', tunnel: 'montpellier' });
    const elsewhere = reportRow({ ...released, postal_code: '75010', tunnel: 'paris' });
    const unreleased = reportRow({ postal_code: '34000' });
    const inReview = reportRow({ postal_code: '34000', status: 'in_review' });
    for (const row of [inCode, viaTunnel, elsewhere, unreleased, inReview]) await insertReport(t.db, row);

    const seen = await searchPartnerReports(t.db, city.id);
    expect(
      await reportIdsOfPartnerRefs(
        t.db,
        seen.map((r) => r.partner_ref),
      ),
    ).toEqual([inCode.id, viaTunnel.id].sort());
  });

  it('the database itself hides other scopes even when a query forgets to filter', async () => {
    const other = await createPartner(t.db, {
      slug: 'nimes',
      name: 'Nîmes',
      scope: [{ tunnels: [], postalCodes: ['30000'] }],
    });
    const mine = reportRow({ ...released, postal_code: '30000' });
    const notMine = reportRow({ ...released, postal_code: '34000' });
    await insertReport(t.db, mine);
    await insertReport(t.db, notMine);
    const refs = await withPartnerScope(t.db, other.id, (trx) =>
      trx.selectFrom('reports').select('partner_ref').execute(),
    );
    expect(refs.map((r) => r.partner_ref)).toEqual([(await partnerRefsOf(t.db, [mine.id])).get(mine.id)]);
  });

  it('refuses a partner the original text, contact, day of the facts, follow-up reference and internal id outright', async () => {
    const p = await createPartner(t.db, {
      slug: 'sete',
      name: 'Sète',
      scope: [{ tunnels: [], postalCodes: ['34200'] }],
    });
    await insertReport(t.db, reportRow({ ...released, postal_code: '34200' }));
    for (const column of [
      'description_enc',
      'contact_enc',
      'reporter_key',
      'pii_findings',
      'staff_notes',
      'occurred_on',
      'occurred_precision',
      'reference',
      'id',
      'submitted_at',
    ] as const) {
      await expect(
        withPartnerScope(t.db, p.id, (trx) => trx.selectFrom('reports').select(column).execute()),
      ).rejects.toThrow(/permission denied/);
    }
  });

  it('partners are granted exactly the columns the application lists as partner columns', async () => {
    const owner = new pg.Client({ connectionString: t.url });
    await owner.connect();
    try {
      // Every column of reports, and whether relais_partner may select it, as the migrations left them.
      const { rows } = await owner.query<{ column_name: string; granted: boolean }>(
        `SELECT attname AS column_name, has_column_privilege('relais_partner', 'reports', attname, 'SELECT') AS granted
         FROM pg_attribute WHERE attrelid = 'reports'::regclass AND attnum > 0 AND NOT attisdropped`,
      );
      expect(
        rows
          .filter((r) => r.granted)
          .map((r) => r.column_name)
          .sort(),
      ).toEqual([...PARTNER_REPORT_COLUMNS].sort());
    } finally {
      await owner.end();
    }
    const p = await createPartner(t.db, {
      slug: 'frontignan',
      name: 'Frontignan',
      scope: [{ tunnels: [], postalCodes: ['34110'] }],
    });
    await insertReport(t.db, reportRow({ ...released, postal_code: '34110' }));
    const [listed] = await searchPartnerReports(t.db, p.id);
    expect(listed).toBeDefined();
    // The partner query selects exactly the fields core's PARTNER_FIELDS lists (what reporters are told).
    expect(Object.keys(listed!).sort()).toEqual(PARTNER_FIELDS.map((f) => f.column).sort());
  });

  it('a partner session gets the month of the facts, never the day, and a partner identifier that is not the reference', async () => {
    const p = await createPartner(t.db, {
      slug: 'lunel',
      name: 'Lunel',
      scope: [{ tunnels: [], postalCodes: ['34400'] }],
    });
    const day = reportRow({ ...released, postal_code: '34400', occurred_precision: 'day', occurred_on: '2026-11-23' });
    const month = reportRow({
      ...released,
      postal_code: '34400',
      occurred_precision: 'month',
      occurred_on: '2026-10-01',
    });
    // Without a date of the facts, filters fall back on the month of the report, in Paris time.
    const unknown = reportRow({ ...released, postal_code: '34400', submitted_at: new Date('2026-06-30T23:30:00Z') });
    for (const row of [day, month, unknown]) await insertReport(t.db, row);
    const refs = await partnerRefsOf(t.db, [day.id, month.id, unknown.id]);
    const seen = new Map((await searchPartnerReports(t.db, p.id)).map((r) => [r.partner_ref, r]));
    expect(seen.get(refs.get(day.id)!)?.occurred_month).toBe('2026-11');
    expect(seen.get(refs.get(month.id)!)?.occurred_month).toBe('2026-10');
    expect(seen.get(refs.get(unknown.id)!)?.occurred_month).toBeNull();
    const novembre = await searchPartnerReports(t.db, p.id, { month: '2026-11' });
    expect(novembre.map((r) => r.partner_ref)).toEqual([refs.get(day.id)]);
    const july = await searchPartnerReports(t.db, p.id, { month: '2026-07' });
    expect(july.map((r) => r.partner_ref)).toEqual([refs.get(unknown.id)]);
    for (const row of [day, month, unknown]) {
      const ref = refs.get(row.id)!;
      expect(ref).toMatch(/^P-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
      expect(ref).not.toBe(row.reference);
    }
    // Stable: released again after a flag, the report keeps its partner identifier.
    await t.db.updateTable('reports').set({ status: 'in_review' }).where('id', '=', day.id).execute();
    await t.db.updateTable('reports').set({ status: 'done' }).where('id', '=', day.id).execute();
    expect((await partnerRefsOf(t.db, [day.id])).get(day.id)).toBe(refs.get(day.id));
  });

  it('shows nothing without a partner set, and nothing to a suspended partner', async () => {
    const p = await createPartner(t.db, {
      slug: 'lodeve',
      name: 'Lodève',
      scope: [{ tunnels: [], postalCodes: ['34700'] }],
    });
    await insertReport(t.db, reportRow({ ...released, postal_code: '34700' }));
    const anonymous = await t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL ROLE relais_partner`.execute(trx);
      return trx.selectFrom('reports').select('partner_ref').execute();
    });
    expect(anonymous).toEqual([]);
    expect(await searchPartnerReports(t.db, p.id)).toHaveLength(1);
    await setPartnerStatus(t.db, p.id, 'suspended');
    expect(await searchPartnerReports(t.db, p.id)).toEqual([]);
  });

  it('a partner cannot change a report, even one it can see', async () => {
    const p = await createPartner(t.db, {
      slug: 'agde',
      name: 'Agde',
      scope: [{ tunnels: [], postalCodes: ['34300'] }],
    });
    const row = reportRow({ ...released, postal_code: '34300' });
    await insertReport(t.db, row);
    await expect(
      withPartnerScope(t.db, p.id, (trx) =>
        trx.updateTable('reports').set({ anonymised_text: 'x' }).where('id', '=', row.id).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('row-level security alone shows nothing to a partner whose only scope rule is empty', async () => {
    const report = reportRow({ ...released, postal_code: '34980', tunnel: 'vide' });
    await insertReport(t.db, report);
    const owner = new pg.Client({ connectionString: t.url });
    await owner.connect();
    // A raw query as relais_partner with app.partner_id set: no app filter, only the policy.
    const seenByPolicy = async (partnerId: string) => {
      await owner.query('BEGIN');
      try {
        await owner.query("SELECT set_config('app.partner_id', $1, true)", [partnerId]);
        await owner.query('SET LOCAL ROLE relais_partner');
        return (await owner.query<{ partner_ref: string }>('SELECT partner_ref FROM reports')).rows.map(
          (r) => r.partner_ref,
        );
      } finally {
        await owner.query('ROLLBACK');
      }
    };
    try {
      // The table's CHECK refuses an empty rule; drop it for this test so the policy stands alone.
      await owner.query('ALTER TABLE partner_scope_rules DROP CONSTRAINT partner_scope_rules_check');
      const partner = (
        await owner.query<{ id: string }>(
          "INSERT INTO partners (slug, name) VALUES ('vide', 'Règle vide') RETURNING id",
        )
      ).rows[0]!;
      await owner.query("INSERT INTO partner_scope_rules (partner_id, tunnels, postal_codes) VALUES ($1, '{}', '{}')", [
        partner.id,
      ]);
      expect(await seenByPolicy(partner.id)).toEqual([]);
      // The same raw query does show a report once a real rule matches it.
      await owner.query(
        "INSERT INTO partner_scope_rules (partner_id, tunnels, postal_codes) VALUES ($1, '{}', '{34980}')",
        [partner.id],
      );
      expect(await seenByPolicy(partner.id)).toEqual([(await partnerRefsOf(t.db, [report.id])).get(report.id)]);
      await owner.query('DELETE FROM partner_scope_rules WHERE cardinality(tunnels) + cardinality(postal_codes) = 0');
    } finally {
      await owner.query(
        'ALTER TABLE partner_scope_rules ADD CONSTRAINT partner_scope_rules_check CHECK (cardinality(tunnels) + cardinality(postal_codes) > 0)',
      );
      await owner.end();
    }
  });

  it.each(WORLD_SEEDS)(
    'property, world %i: each partner sees exactly its released, in-scope, unflagged reports (queries and RLS alone)',
    async (seed) => {
      const world = scopeWorld(seed);
      for (const r of world.reports) await insertReport(t.db, reportRow(r.row));
      const flagged = world.reports.filter((r) => r.flagged).map((r) => r.row.id);
      if (flagged.length)
        await t.db.updateTable('reports').set({ flagged_at: new Date() }).where('id', 'in', flagged).execute();
      for (const p of world.partners) {
        const { id } = await createPartner(t.db, { slug: p.slug, name: p.name, scope: p.scope });
        if (p.status === 'suspended') await setPartnerStatus(t.db, id, 'suspended');
        const expected = world.visibleTo(p);
        const listed = await reportIdsOfPartnerRefs(
          t.db,
          (await searchPartnerReports(t.db, id, { limit: 200 })).map((r) => r.partner_ref),
        );
        expect(listed, `${p.slug} ${JSON.stringify(p.scope)} via the query`).toEqual(expected);
        const raw = await reportIdsOfPartnerRefs(
          t.db,
          (await withPartnerScope(t.db, id, (trx) => trx.selectFrom('reports').select('partner_ref').execute())).map(
            (r) => r.partner_ref,
          ),
        );
        expect(raw, `${p.slug} ${JSON.stringify(p.scope)} via RLS alone`).toEqual(expected);
      }
    },
  );
});

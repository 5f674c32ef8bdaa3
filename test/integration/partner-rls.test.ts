import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMatchesScope, type PartnerScope } from '@relais/core';
import {
  createPartner,
  createTestDatabase,
  insertReport,
  listPartnerReports,
  setPartnerStatus,
  withPartnerScope,
  type TestDatabase,
} from '@relais/db';
import { reportRow } from '../support/report-rows.ts';
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
      scope: [{ tunnels: [], postalCodes: ['34000', '34070'] }, { tunnels: ['montpellier'], postalCodes: [] }],
    });
    const inCode = reportRow({ ...released, postal_code: '34070' });
    const viaTunnel = reportRow({ ...released, postal_code: '75010', tunnel: 'montpellier' });
    const elsewhere = reportRow({ ...released, postal_code: '75010', tunnel: 'paris' });
    const unreleased = reportRow({ postal_code: '34000' });
    const inReview = reportRow({ postal_code: '34000', status: 'in_review' });
    for (const row of [inCode, viaTunnel, elsewhere, unreleased, inReview]) await insertReport(t.db, row);

    const seen = await listPartnerReports(t.db, city.id);
    expect(seen.map((r) => r.id).sort()).toEqual([inCode.id, viaTunnel.id].sort());
  });

  it('the database itself hides other scopes even when a query forgets to filter', async () => {
    const other = await createPartner(t.db, { slug: 'nimes', name: 'Nîmes', scope: [{ tunnels: [], postalCodes: ['30000'] }] });
    const mine = reportRow({ ...released, postal_code: '30000' });
    const notMine = reportRow({ ...released, postal_code: '34000' });
    await insertReport(t.db, mine);
    await insertReport(t.db, notMine);
    const ids = await withPartnerScope(t.db, other.id, (trx) =>
      trx.selectFrom('reports').select('id').execute(),
    );
    expect(ids.map((r) => r.id)).toEqual([mine.id]);
  });

  it('refuses a partner the original text and contact columns outright', async () => {
    const p = await createPartner(t.db, { slug: 'sete', name: 'Sète', scope: [{ tunnels: [], postalCodes: ['34200'] }] });
    await insertReport(t.db, reportRow({ ...released, postal_code: '34200' }));
    for (const column of ['description_enc', 'contact_enc', 'reporter_key', 'pii_findings', 'staff_notes'] as const) {
      await expect(
        withPartnerScope(t.db, p.id, (trx) => trx.selectFrom('reports').select(column).execute()),
      ).rejects.toThrow(/permission denied/);
    }
  });

  it('shows nothing without a partner set, and nothing to a suspended partner', async () => {
    const p = await createPartner(t.db, { slug: 'lodeve', name: 'Lodève', scope: [{ tunnels: [], postalCodes: ['34700'] }] });
    await insertReport(t.db, reportRow({ ...released, postal_code: '34700' }));
    const anonymous = await t.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL ROLE relais_partner`.execute(trx);
      return trx.selectFrom('reports').select('id').execute();
    });
    expect(anonymous).toEqual([]);
    expect(await listPartnerReports(t.db, p.id)).toHaveLength(1);
    await setPartnerStatus(t.db, p.id, 'suspended');
    expect(await listPartnerReports(t.db, p.id)).toEqual([]);
  });

  it('a partner cannot change a report, even one it can see', async () => {
    const p = await createPartner(t.db, { slug: 'agde', name: 'Agde', scope: [{ tunnels: [], postalCodes: ['34300'] }] });
    const row = reportRow({ ...released, postal_code: '34300' });
    await insertReport(t.db, row);
    await expect(
      withPartnerScope(t.db, p.id, (trx) =>
        trx.updateTable('reports').set({ anonymised_text: 'x' }).where('id', '=', row.id).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('agrees with reportMatchesScope on random partners, scopes and reports', async () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const codes = ['13001', '13002', '31000', '31100', '69001', '69002'];
    const tunnels = ['alpha', 'beta', 'gamma'];
    const pick = <T>(xs: readonly T[], max: number) => [...new Set(Array.from({ length: rand(max + 1) }, () => xs[rand(xs.length)]!))];
    const partners: { id: string; scope: PartnerScope }[] = [];
    for (let i = 0; i < 6; i++) {
      const scope: PartnerScope = Array.from({ length: 1 + rand(2) }, () => {
        const rule = { tunnels: pick(tunnels, 2), postalCodes: pick(codes, 3) };
        return rule.tunnels.length + rule.postalCodes.length ? rule : { tunnels: [], postalCodes: ['13001'] };
      });
      const row = await createPartner(t.db, { slug: `prop-${i}`, name: `P${i}`, scope });
      partners.push({ id: row.id, scope });
    }
    const rows = Array.from({ length: 80 }, () => {
      const done = rand(3) > 0;
      return reportRow({
        postal_code: codes[rand(codes.length)]!,
        tunnel: rand(3) === 0 ? null : tunnels[rand(tunnels.length)]!,
        status: done ? 'done' : 'received',
        released_at: done ? new Date() : null,
      });
    });
    for (const row of rows) await insertReport(t.db, row);
    for (const partner of partners) {
      const expected = rows
        .filter((r) => r.status === 'done')
        .filter((r) => reportMatchesScope({ tunnel: r.tunnel ?? null, postalCode: r.postal_code ?? null }, partner.scope))
        .map((r) => r.id)
        .sort();
      const seen = (await listPartnerReports(t.db, partner.id, { limit: 500 })).map((r) => r.id).filter((id) => rows.some((r) => r.id === id));
      expect(seen.sort()).toEqual(expected);
    }
  });
});

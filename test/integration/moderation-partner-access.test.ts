import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks, isoWeekOf, PARTNER_FIELDS } from '@relais/core';
import { createPartner, insertReport, setPartnerStatus } from '@relais/db';
import type { ModerationClient } from '../support/moderation-client.ts';
import { partnerRefsOf, reportIdsOfPartnerRefs } from '../support/partner-refs.ts';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';
import { WORLD_SEEDS, scopeWorld } from '../support/scope-world.ts';
import { sealedReportRow } from '../support/sealed-report.ts';
import { storeDigest } from '../support/digest-world.ts';

let s: ModerationStack;
let city: ModerationClient;
let cityId: string;
const ORIGINAL = 'Texte original confidentiel, Jeanne Dupont, 06 11 22 33 44';
const ANON = 'Insultes devant la gare.';
const released = {
  status: 'done' as const,
  released_at: new Date(),
  anonymised_text: ANON,
  staff_notes: 'note interne',
  reject_reason: null,
};
const ids: Record<string, string> = {};
/** Each report's partner identifier, by the same names as {@link ids}. */
const refs: Record<string, string> = {};
/** Canaries: every follow-up reference and internal id inserted; no partner response may carry one. */
const identifiers: string[] = [];
const THIS_WEEK = isoWeekOf(new Date());
const LAST_WEEK = addWeeks(THIS_WEEK, -1);

beforeAll(async () => {
  s = await moderationStack('partneraccess');
  cityId = await s.partner('ville', ['34000'], ['ville']);
  city = await s.signIn(await s.account('partner', cityId));
  const rows = {
    mine: sealedReportRow(
      s.keyring,
      ORIGINAL,
      { ...released, postal_code: '34000', occurred_precision: 'day', occurred_on: '2024-11-23' },
      { method: 'email', value: 'jeanne@example.org' },
    ),
    // A month-only date is stored as the 1st of the month: partners must never read it as a day.
    viaTunnel: sealedReportRow(s.keyring, ORIGINAL, {
      ...released,
      postal_code: '75010',
      tunnel: 'ville',
      occurred_precision: 'month',
      occurred_on: '2024-10-01',
    }),
    otherScope: sealedReportRow(s.keyring, ORIGINAL, {
      ...released,
      postal_code: '75010',
      anonymised_text: 'AUTRE PERIMETRE',
    }),
    unreleased: sealedReportRow(s.keyring, ORIGINAL, { postal_code: '34000', anonymised_text: 'PAS ENCORE PUBLIE' }),
    inReview: sealedReportRow(s.keyring, ORIGINAL, {
      postal_code: '34000',
      status: 'in_review',
      anonymised_text: 'EN COURS',
    }),
    rejected: sealedReportRow(s.keyring, ORIGINAL, {
      postal_code: '34000',
      status: 'rejected',
      anonymised_text: 'REJETE',
    }),
  };
  for (const [name, row] of Object.entries(rows)) {
    await insertReport(s.t.db, row);
    ids[name] = row.id;
    identifiers.push(row.reference, row.id);
  }
  const byId = await partnerRefsOf(s.t.db, Object.values(ids));
  for (const [name, id] of Object.entries(ids)) refs[name] = byId.get(id)!;
  const other = await s.partner('autre', ['75010']);
  await storeDigest(s.t.db, { id: cityId, name: 'Ville' }, THIS_WEEK, 2);
  await storeDigest(s.t.db, { id: other, name: 'PARTENAIRE SECRET' }, THIS_WEEK, 1);
  await storeDigest(s.t.db, { id: other, name: 'PARTENAIRE SECRET' }, LAST_WEEK, 1);
});
afterAll(async () => s?.close());

const FORBIDDEN = [
  'PARTENAIRE SECRET',
  ORIGINAL,
  'Jeanne Dupont',
  '06 11 22 33 44',
  'jeanne@example.org',
  'note interne',
  'AUTRE PERIMETRE',
  'PAS ENCORE PUBLIE',
  'EN COURS',
  'REJETE',
  'pii_findings',
  'description',
  'contact',
  'staff_notes',
];
// The day of the facts, written every way a page, CSV or JSON could write it.
const DAYS = ['2024-11-23', '23/11/2024', '23 novembre', '2024-10-01', '01/10/2024', '1er octobre', '1 octobre'];
const leaksNothing = (text: string) => {
  for (const secret of [...FORBIDDEN, ...DAYS, ...identifiers]) expect(text).not.toContain(secret);
};
const partnerRefsIn = (items: { partnerRef: string }[]) =>
  reportIdsOfPartnerRefs(
    s.t.db,
    items.map((r) => r.partnerRef),
  );

describe('partner access through the moderation API', () => {
  it('lists, exports and counts exactly the released reports of the scope, anonymised fields only', async () => {
    const list = await city.get('/api/partner/reports');
    expect(await partnerRefsIn(list.json.items)).toEqual([ids.mine, ids.viaTunnel].sort());
    expect(Object.keys(list.json.items[0]).sort()).not.toContain('original');
    leaksNothing(list.text);
    const csv = await city.get('/api/partner/reports.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.trim().split('\r\n')).toHaveLength(3);
    leaksNothing(csv.text);
    const stats = await city.get('/api/partner/stats');
    expect(stats.json.total).toBe(2);
    expect(stats.json.byPostalCode).toEqual(
      expect.arrayContaining([
        { key: '34000', count: 1 },
        { key: '75010', count: 1 },
      ]),
    );
    const exports = await s.t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'partner.export')
      .execute();
    expect(exports[0]!.details).toMatchObject({ rows: 2 });
  });

  it('answers 404 for another scope, an unreleased report or a guessed identifier, through every route, and audits it', async () => {
    for (const id of [refs.otherScope!, refs.unreleased!, refs.inReview!, refs.rejected!, 'P-0000-0000-0000']) {
      for (const path of [`/api/partner/reports/${id}`, `/partner/reports/${id}`]) {
        const r = await city.get(path);
        expect(r.status).toBe(404);
        leaksNothing(r.text);
      }
      const flag = await city.post(`/api/partner/reports/${id}/flag`, { comment: 'tentative sur un autre périmètre' });
      expect(flag.status).toBe(404);
    }
    // The internal id or the follow-up reference of a visible report, or anything malformed, are not identifiers here.
    const mine = await s.t.db
      .selectFrom('reports')
      .select('reference')
      .where('id', '=', ids.mine!)
      .executeTakeFirstOrThrow();
    for (const id of [ids.mine!, mine.reference, randomUUID(), 'not-an-id', '..%2Freports', '%27%20OR%201%3D1']) {
      for (const path of [`/api/partner/reports/${id}`, `/partner/reports/${id}`]) {
        const r = await city.get(path);
        expect([400, 404], path).toContain(r.status);
        leaksNothing(r.text);
      }
      const flag = await city.post(`/api/partner/reports/${id}/flag`, { comment: 'avec un autre identifiant' });
      expect([400, 404]).toContain(flag.status);
    }
    const stillDone = await s.t.db
      .selectFrom('reports')
      .select('status')
      .where('id', '=', ids.mine!)
      .executeTakeFirstOrThrow();
    expect(stillDone.status).toBe('done');
    const after = await s.t.db
      .selectFrom('reports')
      .select(['status'])
      .where('id', '=', ids.otherScope!)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('done');
    const denials = await s.t.db
      .selectFrom('audit_events')
      .select('target_id')
      .where('action', '=', 'authz.denied')
      .execute();
    expect(denials.map((d) => d.target_id)).toContain(ids.otherScope);
  });

  it('refuses filter injection and foreign parameters, and a filter never widens the scope', async () => {
    for (const query of [
      'postalCode=75010%27%20OR%201%3D1--',
      'actType=insult%27;DROP%20TABLE%20reports',
      'partnerId=' + randomUUID(),
      'status=received',
      'month=2026-13',
      'limit=100000',
    ]) {
      const r = await city.get(`/api/partner/reports?${query}`);
      expect(r.status).toBe(400);
      leaksNothing(r.text);
      expect((await city.get(`/api/partner/reports.csv?${query}`)).status).toBe(400);
      for (const path of ['/api/partner/stats', '/partner/stats']) {
        const stats = await city.get(`${path}?${query}`);
        expect(stats.status).toBe(400);
        leaksNothing(stats.text);
      }
    }
    const other = await city.get('/api/partner/reports?postalCode=75010');
    expect(await partnerRefsIn(other.json.items)).toEqual([ids.viaTunnel]);
    const csv = await city.get('/api/partner/reports.csv?postalCode=75010');
    expect(csv.text).not.toContain('AUTRE PERIMETRE');
  });

  it('statistics with filters count only the released reports of the scope', async () => {
    const totals: Record<string, number> = {
      '': 2,
      'postalCode=75010': 1,
      'postalCode=34000': 1,
      'postalCode=34070': 0,
      'month=2024-11': 1,
      'month=2024-10': 1,
      'month=2020-01': 0,
      'actType=insult': 2,
      'actType=threat': 0,
      'placeType=street&postalCode=75010': 1,
    };
    for (const [query, total] of Object.entries(totals)) {
      const stats = await city.get(`/api/partner/stats?${query}`);
      expect(stats.status).toBe(200);
      expect(stats.json.total, query).toBe(total);
      leaksNothing(stats.text);
      const page = await city.get(`/partner/stats?${query}`);
      expect(page.status).toBe(200);
      leaksNothing(page.text);
    }
    const byCode: { key: string; count: number }[] = (await city.get('/api/partner/stats?postalCode=75010')).json
      .byPostalCode;
    expect(byCode.filter((c) => c.count > 0)).toEqual([{ key: '75010', count: 1 }]);
    expect((await city.get('/api/partner/stats')).json.byMonth).toEqual([
      { key: '2024-10', count: 1 },
      { key: '2024-11', count: 1 },
    ]);
  });

  it('the JSON, CSV and pages carry exactly the fields of PARTNER_FIELDS, what reporters are told', async () => {
    const keys = PARTNER_FIELDS.map((f) => f.key).sort();
    const list = await city.get('/api/partner/reports');
    for (const item of list.json.items) expect(Object.keys(item).sort()).toEqual(keys);
    const one = await city.get(`/api/partner/reports/${refs.mine}`);
    expect(Object.keys(one.json).sort()).toEqual(keys);
    expect(one.json.partnerRef).toBe(refs.mine);
    const csv = await city.get('/api/partner/reports.csv');
    expect(csv.text.split('\r\n')[0]).toBe(PARTNER_FIELDS.map((f) => f.column).join(','));
    const page = await city.get(`/partner/reports/${refs.mine}`);
    const shown = [...page.text.matchAll(/data-field="([a-zA-Z]+)"/g)].map((m) => m[1]);
    expect(shown).toEqual(PARTNER_FIELDS.filter((f) => f.kind !== 'text' && f.kind !== 'id').map((f) => f.key));
    expect(page.text).toContain(refs.mine);
    expect(page.text).toContain(ANON);
  });

  it('partners get the month of the facts, shown as a month (never the day, never the 1st of the month)', async () => {
    const mine = await city.get(`/api/partner/reports/${refs.mine}`);
    expect(mine.json.occurredMonth).toBe('2024-11');
    const monthOnly = await city.get(`/api/partner/reports/${refs.viaTunnel}`);
    expect(monthOnly.json.occurredMonth).toBe('2024-10');
    const list = await city.get('/partner');
    expect(list.text).toContain('novembre 2024');
    expect(list.text).toContain('octobre 2024');
    const page = await city.get(`/partner/reports/${refs.viaTunnel}`);
    expect(page.text).toMatch(/data-field="occurredMonth">octobre 2024</);
    const csv = await city.get('/api/partner/reports.csv');
    expect(csv.text).toContain('"2024-11"');
    expect(csv.text).toContain('"2024-10"');
    for (const text of [mine.text, monthOnly.text, list.text, page.text, csv.text]) leaksNothing(text);
  });

  it('no partner response carries a follow-up reference or an internal id (canary through every partner route)', async () => {
    const paths = [
      '/api/partner/reports',
      '/api/partner/reports?limit=200',
      '/api/partner/reports.csv',
      '/api/partner/stats',
      '/api/partner/stats.csv',
      '/api/partner/digests',
      `/api/partner/digests/${THIS_WEEK}`,
      `/api/partner/digests/${THIS_WEEK}.csv`,
      '/partner',
      '/partner/stats',
      '/partner/digests',
      `/partner/digests/${THIS_WEEK}`,
      `/api/partner/reports/${refs.mine}`,
      `/partner/reports/${refs.mine}`,
      `/api/partner/reports/${refs.viaTunnel}`,
      `/partner/reports/${refs.viaTunnel}`,
    ];
    for (const path of paths) {
      const r = await city.get(path);
      expect(r.status, path).toBe(200);
      // The canary is live: the report ids and references are really in the database.
      leaksNothing(r.text);
    }
    expect(identifiers.length).toBe(12);
  });

  it("digests: only its own archive and weeks; another partner's week or a guessed or malformed one is refused, never data", async () => {
    const list = await city.get('/api/partner/digests?partnerId=' + randomUUID());
    expect(list.status).toBe(200);
    expect(list.json.items.map((d: { isoWeek: string }) => d.isoWeek)).toEqual([THIS_WEEK]);
    leaksNothing(list.text);
    const archive = await city.get('/partner/digests');
    expect(archive.status).toBe(200);
    expect(archive.text).toContain(THIS_WEEK);
    expect(archive.text).not.toContain(LAST_WEEK);
    leaksNothing(archive.text);
    const mine = await city.get(`/api/partner/digests/${THIS_WEEK}`);
    expect(mine.status).toBe(200);
    expect(mine.json.content.partner.id).toBe(cityId);
    leaksNothing(mine.text);
    const page = await city.get(`/partner/digests/${THIS_WEEK}`);
    expect(page.status).toBe(200);
    leaksNothing(page.text);
    for (const week of [
      LAST_WEEK,
      '2019-W01',
      '2026-W54',
      'not-a-week',
      `${THIS_WEEK}%27%20OR%201%3D1`,
      '..%2F..%2Fapi%2Fadmin%2Faudit',
    ]) {
      for (const path of [`/api/partner/digests/${week}`, `/partner/digests/${week}`]) {
        const r = await city.get(path);
        expect([400, 404], path).toContain(r.status);
        leaksNothing(r.text);
      }
    }
    expect((await city.get(`/api/partner/digests/${LAST_WEEK}`)).status).toBe(404);
  });

  it('cannot reach staff routes, original text or contact details', async () => {
    for (const path of [
      `/api/staff/reports/${ids.mine}`,
      `/staff/reports/${ids.mine}`,
      '/api/staff/queue',
      '/api/reports',
      '/api/admin/audit',
    ]) {
      const r = await city.get(path);
      expect([401, 403]).toContain(r.status);
      leaksNothing(r.text);
    }
    const reveal = await city.post(`/api/staff/reports/${ids.mine}/contact/reveal`);
    expect(reveal.status).toBe(403);
    leaksNothing(reveal.text);
  });

  it('loses access at the next request when its organisation is suspended', async () => {
    expect((await city.get('/api/partner/reports')).status).toBe(200);
    await setPartnerStatus(s.t.db, cityId, 'suspended');
    const r = await city.get('/api/partner/reports');
    expect(r.status).toBe(403);
    expect(r.json.error).toBe('PARTNER_SUSPENDED');
    for (const path of [
      '/api/partner/stats',
      '/api/partner/reports.csv',
      `/api/partner/reports/${refs.mine}`,
      '/api/partner/digests',
      `/api/partner/digests/${THIS_WEEK}`,
      `/partner/digests/${THIS_WEEK}`,
    ]) {
      const refused = await city.get(path);
      expect(refused.status, path).toBe(403);
      leaksNothing(refused.text);
    }
    await setPartnerStatus(s.t.db, cityId, 'active');
    expect((await city.get('/api/partner/reports')).status).toBe(200);
  });

  it.each(WORLD_SEEDS)(
    'property, world %i: each partner sees exactly its released, in-scope, unflagged reports through the API',
    async (seed) => {
      const world = scopeWorld(seed);
      const rows = world.reports.map((r) =>
        sealedReportRow(s.keyring, ORIGINAL, {
          ...r.row,
          anonymised_text: r.row.anonymised_text === null ? null : ANON,
        }),
      );
      for (const row of rows) await insertReport(s.t.db, row);
      const flagged = world.reports.filter((r) => r.flagged).map((r) => r.row.id);
      if (flagged.length)
        await s.t.db.updateTable('reports').set({ flagged_at: new Date() }).where('id', 'in', flagged).execute();
      for (const p of world.partners) {
        const partner = await createPartner(s.t.db, { slug: p.slug, name: p.name, scope: p.scope });
        const client = await s.signIn(await s.account('partner', partner.id));
        const expected = world.visibleTo(p);
        const what = `${p.slug} ${JSON.stringify(p.scope)}`;
        if (p.status === 'suspended') {
          await setPartnerStatus(s.t.db, partner.id, 'suspended');
          expect((await client.get('/api/partner/reports')).status, what).toBe(403);
          expect(expected).toEqual([]);
          continue;
        }
        const list = await client.get('/api/partner/reports?limit=200');
        expect(await partnerRefsIn(list.json.items), what).toEqual(expected);
        leaksNothing(list.text);
        const csvRows = (await client.get('/api/partner/reports.csv')).text.trim().split('\r\n').length - 1;
        expect(csvRows, what).toBe(expected.length);
        expect((await client.get('/api/partner/stats')).json.total, what).toBe(expected.length);
        const code = world.postalCodes[seed % world.postalCodes.length]!;
        const inCode = rows
          .filter((r) => expected.includes(r.id) && r.postal_code === code)
          .map((r) => r.id)
          .sort();
        expect(
          await partnerRefsIn((await client.get(`/api/partner/reports?postalCode=${code}&limit=200`)).json.items),
          `${what} ${code}`,
        ).toEqual(inCode);
        const outsiders = rows.filter((r) => !expected.includes(r.id)).slice(0, 3);
        const outsiderRefs = await partnerRefsOf(
          s.t.db,
          outsiders.map((r) => r.id),
        );
        for (const outsider of outsiders) {
          const ref = outsiderRefs.get(outsider.id)!;
          expect((await client.get(`/api/partner/reports/${ref}`)).status, what).toBe(404);
        }
      }
    },
  );
});

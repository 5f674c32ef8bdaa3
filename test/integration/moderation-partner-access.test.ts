import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMatchesScope, type PartnerScope } from '@relais/core';
import { createPartner, insertReport, setPartnerStatus } from '@relais/db';
import type { ModerationClient } from '../support/moderation-client.ts';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';
import { sealedReportRow } from '../support/sealed-report.ts';

let s: ModerationStack;
let city: ModerationClient;
let cityId: string;
const ORIGINAL = 'Texte original confidentiel, Jeanne Dupont, 06 11 22 33 44';
const ANON = 'Insultes devant la gare.';
const released = { status: 'done' as const, released_at: new Date(), anonymised_text: ANON, staff_notes: 'note interne', reject_reason: null };
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await moderationStack('partneraccess');
  cityId = await s.partner('ville', ['34000'], ['ville']);
  city = await s.signIn(await s.account('partner', cityId));
  const rows = {
    mine: sealedReportRow(s.keyring, ORIGINAL, { ...released, postal_code: '34000' }, { method: 'email', value: 'jeanne@example.org' }),
    viaTunnel: sealedReportRow(s.keyring, ORIGINAL, { ...released, postal_code: '75010', tunnel: 'ville' }),
    otherScope: sealedReportRow(s.keyring, ORIGINAL, { ...released, postal_code: '75010', anonymised_text: 'AUTRE PERIMETRE' }),
    unreleased: sealedReportRow(s.keyring, ORIGINAL, { postal_code: '34000', anonymised_text: 'PAS ENCORE PUBLIE' }),
    inReview: sealedReportRow(s.keyring, ORIGINAL, { postal_code: '34000', status: 'in_review', anonymised_text: 'EN COURS' }),
    rejected: sealedReportRow(s.keyring, ORIGINAL, { postal_code: '34000', status: 'rejected', anonymised_text: 'REJETE' }),
  };
  for (const [name, row] of Object.entries(rows)) {
    await insertReport(s.t.db, row);
    ids[name] = row.id;
  }
});
afterAll(async () => s?.close());

const FORBIDDEN = [ORIGINAL, 'Jeanne Dupont', '06 11 22 33 44', 'jeanne@example.org', 'note interne', 'AUTRE PERIMETRE', 'PAS ENCORE PUBLIE', 'EN COURS', 'REJETE', 'pii_findings', 'description', 'contact', 'staff_notes'];
const leaksNothing = (text: string) => {
  for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
};

describe('partner access through the moderation API', () => {
  it('lists, exports and counts exactly the released reports of the scope, anonymised fields only', async () => {
    const list = await city.get('/api/partner/reports');
    expect(list.json.items.map((r: { id: string }) => r.id).sort()).toEqual([ids.mine, ids.viaTunnel].sort());
    expect(Object.keys(list.json.items[0]).sort()).not.toContain('original');
    leaksNothing(list.text);
    const csv = await city.get('/api/partner/reports.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.trim().split('\r\n')).toHaveLength(3);
    leaksNothing(csv.text);
    const stats = await city.get('/api/partner/stats');
    expect(stats.json.total).toBe(2);
    expect(stats.json.byPostalCode).toEqual(expect.arrayContaining([{ key: '34000', count: 1 }, { key: '75010', count: 1 }]));
    const exports = await s.t.db.selectFrom('audit_events').select('details').where('action', '=', 'partner.export').execute();
    expect(exports[0]!.details).toMatchObject({ rows: 2 });
  });

  it('answers 404 for another scope, an unreleased report or a guessed id, through every route, and audits it', async () => {
    for (const id of [ids.otherScope!, ids.unreleased!, ids.inReview!, ids.rejected!, randomUUID(), 'not-a-uuid', '..%2Freports', '%27%20OR%201%3D1']) {
      for (const path of [`/api/partner/reports/${id}`, `/partner/reports/${id}`]) {
        const r = await city.get(path);
        expect(r.status).toBe(404);
        leaksNothing(r.text);
      }
      const flag = await city.post(`/api/partner/reports/${id}/flag`, { comment: 'tentative sur un autre périmètre' });
      expect(flag.status).toBe(404);
    }
    const after = await s.t.db.selectFrom('reports').select(['status']).where('id', '=', ids.otherScope!).executeTakeFirstOrThrow();
    expect(after.status).toBe('done');
    const denials = await s.t.db.selectFrom('audit_events').select('target_id').where('action', '=', 'authz.denied').execute();
    expect(denials.map((d) => d.target_id)).toContain(ids.otherScope);
  });

  it('refuses filter injection and foreign parameters, and a filter never widens the scope', async () => {
    for (const query of ['postalCode=75010%27%20OR%201%3D1--', 'actType=insult%27;DROP%20TABLE%20reports', 'partnerId=' + randomUUID(), 'status=received', 'month=2026-13', 'limit=100000']) {
      const r = await city.get(`/api/partner/reports?${query}`);
      expect(r.status).toBe(400);
      leaksNothing(r.text);
      expect((await city.get(`/api/partner/reports.csv?${query}`)).status).toBe(400);
    }
    const other = await city.get('/api/partner/reports?postalCode=75010');
    expect(other.json.items.map((r: { id: string }) => r.id)).toEqual([ids.viaTunnel]);
    const csv = await city.get('/api/partner/reports.csv?postalCode=75010');
    expect(csv.text).not.toContain('AUTRE PERIMETRE');
  });

  it('cannot reach staff routes, original text or contact details', async () => {
    for (const path of [`/api/staff/reports/${ids.mine}`, `/staff/reports/${ids.mine}`, '/api/staff/queue', '/api/reports', '/api/admin/audit']) {
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
    await setPartnerStatus(s.t.db, cityId, 'active');
    expect((await city.get('/api/partner/reports')).status).toBe(200);
  });

  it('property: random partners, scopes and reports — each partner sees exactly its released in-scope reports', async () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const codes = ['31000', '31100', '31200', '31300'];
    const tunnels = ['t-alpha', 't-beta'];
    const pick = <T>(xs: readonly T[], max: number) => [...new Set(Array.from({ length: rand(max + 1) }, () => xs[rand(xs.length)]!))];
    const partners: { client: ModerationClient; scope: PartnerScope }[] = [];
    for (let i = 0; i < 5; i++) {
      const scope: PartnerScope = Array.from({ length: 1 + rand(2) }, () => {
        const rule = { tunnels: pick(tunnels, 1), postalCodes: pick(codes, 2) };
        return rule.tunnels.length + rule.postalCodes.length ? rule : { tunnels: [], postalCodes: [codes[0]!] };
      });
      const partner = await createPartner(s.t.db, { slug: `prop-${i}`, name: `Prop ${i}`, scope });
      partners.push({ client: await s.signIn(await s.account('partner', partner.id)), scope });
    }
    const rows = Array.from({ length: 60 }, () => {
      const status = (['done', 'done', 'received', 'in_review', 'rejected'] as const)[rand(5)]!;
      return sealedReportRow(s.keyring, ORIGINAL, {
        postal_code: codes[rand(codes.length)]!,
        tunnel: rand(3) === 0 ? null : tunnels[rand(tunnels.length)]!,
        status,
        released_at: status === 'done' ? new Date() : null,
        anonymised_text: ANON,
      });
    });
    for (const row of rows) await insertReport(s.t.db, row);
    for (const p of partners) {
      const expected = rows
        .filter((r) => r.status === 'done' && reportMatchesScope({ tunnel: r.tunnel ?? null, postalCode: r.postal_code ?? null }, p.scope))
        .map((r) => r.id)
        .sort();
      const list = await p.client.get('/api/partner/reports?limit=200');
      expect(list.json.items.map((r: { id: string }) => r.id).sort()).toEqual(expected);
      const csvRefs = (await p.client.get('/api/partner/reports.csv')).text.trim().split('\r\n').length - 1;
      expect(csvRefs).toBe(expected.length);
      expect((await p.client.get('/api/partner/stats')).json.total).toBe(expected.length);
      const outsider = rows.find((r) => !expected.includes(r.id));
      if (outsider) expect((await p.client.get(`/api/partner/reports/${outsider.id}`)).status).toBe(404);
    }
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSafePlacesNear, insertReport } from '@relais/db';
import { ModerationClient, freshTotp } from '../support/moderation-client.ts';
import { moderationStack, type ModerationStack, type TestAccount } from '../support/moderation-stack.ts';
import { reportRow } from '../support/report-rows.ts';

let s: ModerationStack;
let adminAccount: TestAccount;
let admin: ModerationClient;
beforeAll(async () => {
  s = await moderationStack('adminapi');
  adminAccount = await s.account('admin');
  admin = await s.signIn(adminAccount);
});
afterAll(async () => s?.close());

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('admin through the API', () => {
  it("suspends a partner and restores it, each taking effect on the partner's next request", async () => {
    const partnerId = await s.partner('beziers', ['34500']);
    await insertReport(
      s.t.db,
      reportRow({ status: 'done', released_at: new Date(), postal_code: '34500', anonymised_text: 'Insultes.' }),
    );
    const partner = await s.signIn(await s.account('partner', partnerId));
    expect((await partner.get('/api/partner/reports')).json.items).toHaveLength(1);

    expect((await admin.post(`/api/admin/partners/${partnerId}/status`, { status: 'suspended' })).json).toEqual({
      status: 'suspended',
    });
    const refused = await partner.get('/api/partner/reports');
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe('PARTNER_SUSPENDED');
    expect((await partner.get('/partner')).status).toBe(403);
    expect(
      (await admin.get('/api/admin/partners')).json.items.find((p: { id: string }) => p.id === partnerId).status,
    ).toBe('suspended');

    expect((await admin.post(`/api/admin/partners/${partnerId}/status`, { status: 'active' })).status).toBe(200);
    expect((await partner.get('/api/partner/reports')).json.items).toHaveLength(1);

    expect((await admin.post(`/api/admin/partners/${randomUUID()}/status`, { status: 'suspended' })).status).toBe(404);
    expect((await admin.post(`/api/admin/partners/${partnerId}/status`, { status: 'deleted' })).status).toBe(400);
    const audit = await s.t.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', partnerId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['admin.partner_suspended', 'admin.partner_restored']);
  });

  it('creates a staff account that signs in with its initial password and a TOTP code only', async () => {
    const created = await admin.post('/api/admin/accounts', {
      email: 'nouvelle.moderatrice@relais.test',
      displayName: 'Nouvelle Modératrice',
      role: 'moderator',
    });
    expect(created.status).toBe(201);
    const { accountId, initialPassword, totpSecret, otpauthUri } = created.json;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const withoutCode = await new ModerationClient(s.url).login('nouvelle.moderatrice@relais.test', initialPassword);
    expect(withoutCode.status).toBe(401);
    const client = new ModerationClient(s.url);
    const login = await client.login('nouvelle.moderatrice@relais.test', initialPassword, freshTotp(totpSecret));
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ accountId, role: 'moderator', partnerId: null });
    expect((await client.get('/api/staff/queue')).status).toBe(200);
    expect((await client.get('/api/admin/audit')).status).toBe(403);
    const row = await s.t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'target_id'])
      .where('action', '=', 'admin.account_created')
      .where('target_id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(row.actor_id).toBe(adminAccount.id);
  });

  it('creates a partner account bound to its partner, and refuses inconsistent or duplicate accounts', async () => {
    const partnerId = await s.partner('lunel', ['34400']);
    const created = await admin.post('/api/admin/accounts', {
      email: 'accueil@lunel.example',
      displayName: 'Mairie de Lunel',
      role: 'partner',
      partnerId,
    });
    expect(created.status).toBe(201);
    const client = new ModerationClient(s.url);
    const login = await client.login(
      'accueil@lunel.example',
      created.json.initialPassword,
      freshTotp(created.json.totpSecret),
    );
    expect(login.json).toMatchObject({ role: 'partner', partnerId });
    expect((await client.get('/api/partner/reports')).status).toBe(200);
    expect((await client.get('/api/staff/queue')).status).toBe(403);

    expect(
      (
        await admin.post('/api/admin/accounts', {
          email: 'sans.partenaire@lunel.example',
          displayName: 'Sans partenaire',
          role: 'partner',
        })
      ).json.error,
    ).toBe('PARTNER_REQUIRED');
    expect(
      (
        await admin.post('/api/admin/accounts', {
          email: 'staff.lie@lunel.example',
          displayName: 'Staff lié',
          role: 'moderator',
          partnerId,
        })
      ).json.error,
    ).toBe('PARTNER_REQUIRED');
    const duplicate = await admin.post('/api/admin/accounts', {
      email: 'accueil@lunel.example',
      displayName: 'Encore',
      role: 'partner',
      partnerId,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error).toBe('EMAIL_TAKEN');
    const moderator = await s.signIn(await s.account('moderator'));
    expect(
      (await moderator.post('/api/admin/accounts', { email: 'x@relais.test', displayName: 'Intrus', role: 'admin' }))
        .status,
    ).toBe(403);
  });

  it('adds a safe place and takes it out of the network and back, as the bots show it', async () => {
    const created = await admin.post('/api/admin/safe-places', {
      name: 'Librairie Arc-en-ciel',
      address: '12 rue des Lilas',
      postalCode: '34230',
      commune: 'Paulhan',
      hours: '10h-19h',
    });
    expect(created.status).toBe(200);
    const placeId = created.json.place.id as string;
    expect((await findSafePlacesNear(s.t.db, '34230')).map((p) => p.name)).toContain('Librairie Arc-en-ciel');

    expect((await admin.post(`/api/admin/safe-places/${placeId}/active`, { active: false })).json).toEqual({
      active: false,
    });
    expect((await findSafePlacesNear(s.t.db, '34230')).map((p) => p.name)).not.toContain('Librairie Arc-en-ciel');
    expect(
      (await admin.get('/api/admin/safe-places')).json.items.find((p: { id: string }) => p.id === placeId),
    ).toMatchObject({ active: false, postal_code: '34230' });

    expect((await admin.post(`/api/admin/safe-places/${placeId}/active`, { active: 'true' })).status).toBe(200);
    expect((await findSafePlacesNear(s.t.db, '34230')).map((p) => p.name)).toContain('Librairie Arc-en-ciel');
    expect((await admin.post(`/api/admin/safe-places/${randomUUID()}/active`, { active: false })).status).toBe(404);
    expect(
      (
        await admin.post('/api/admin/safe-places', {
          name: 'X',
          address: 'nowhere',
          postalCode: '00000',
          commune: 'Nulle part',
        })
      ).status,
    ).toBe(400);
    const audit = await s.t.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('target_id', '=', placeId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.details.active])).toEqual([
      ['admin.safe_place_created', undefined],
      ['admin.safe_place_changed', false],
      ['admin.safe_place_changed', true],
    ]);
  });

  it('filters the audit log by actor, action, partner, target and date', async () => {
    const otherAdminAccount = await s.account('admin');
    const otherAdmin = await s.signIn(otherAdminAccount);
    const partnerId = await s.partner('agde-audit', ['34300']);
    const partner = await s.signIn(await s.account('partner', partnerId));
    await partner.get('/api/partner/reports.csv');
    await otherAdmin.post(`/api/admin/partners/${partnerId}/status`, { status: 'suspended' });
    await otherAdmin.post(`/api/admin/partners/${partnerId}/status`, { status: 'active' });
    await s.t.db
      .insertInto('audit_events')
      .values({
        at: new Date('2026-01-15T12:00:00Z'),
        actor_id: otherAdminAccount.id,
        actor_role: 'admin',
        action: 'admin.partner_created',
        target_type: 'partner',
        target_id: partnerId,
      })
      .execute();

    type Event = {
      id: string;
      actor_id: string | null;
      action: string;
      partner_id: string | null;
      target_id: string | null;
      at: string;
    };
    const audit = async (query: string): Promise<Event[]> => {
      const r = await admin.get(`/api/admin/audit?${query}`);
      expect(r.status, r.text).toBe(200);
      return r.json.items;
    };
    const byActor = await audit(`actorId=${otherAdminAccount.id}`);
    expect(byActor.length).toBeGreaterThanOrEqual(4);
    expect(byActor.every((e) => e.actor_id === otherAdminAccount.id)).toBe(true);
    expect(byActor.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login.succeeded', 'admin.partner_suspended', 'admin.partner_restored']),
    );

    const suspensions = await audit('action=admin.partner_s');
    expect(suspensions.length).toBeGreaterThan(0);
    expect(suspensions.every((e) => e.action === 'admin.partner_suspended')).toBe(true);

    const partnerEvents = await audit(`partnerId=${partnerId}`);
    expect(partnerEvents.every((e) => e.partner_id === partnerId)).toBe(true);
    expect(partnerEvents.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login.succeeded', 'partner.export']),
    );

    const onTarget = await audit(`targetId=${partnerId}&action=admin.`);
    expect(onTarget.map((e) => e.action)).toEqual([
      'admin.partner_restored',
      'admin.partner_suspended',
      'admin.partner_created',
    ]);

    const january = await audit(`actorId=${otherAdminAccount.id}&from=2026-01-15&to=2026-01-15`);
    expect(january.map((e) => e.action)).toEqual(['admin.partner_created']);
    expect(await audit(`actorId=${otherAdminAccount.id}&from=2026-01-16&to=2026-01-31`)).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await audit(`actorId=${otherAdminAccount.id}&from=${today}`)).map((e) => e.action)).not.toContain(
      'admin.partner_created',
    );

    for (const bad of ['action=%27%3B%20DROP', 'actorId=not-a-uuid', 'from=2026-13-01', 'secret=1'])
      expect((await admin.get(`/api/admin/audit?${bad}`)).status).toBe(400);
    expect(ids(await audit('limit=1'))).toHaveLength(1);
  });
});

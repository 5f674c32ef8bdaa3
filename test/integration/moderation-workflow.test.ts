import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOUND_QUEUE, open, sealingContext } from '@relais/core';
import { insertReport } from '@relais/db';
import { moderationStack, type ModerationStack, type TestAccount } from '../support/moderation-stack.ts';
import type { ModerationClient } from '../support/moderation-client.ts';
import { sealedReportRow } from '../support/sealed-report.ts';
import { partnerRefOf } from '../support/partner-refs.ts';

let s: ModerationStack;
let alice: TestAccount;
let bob: TestAccount;
let partnerAccount: TestAccount;
let mod: ModerationClient;
let mod2: ModerationClient;
let partner: ModerationClient;

const TEXT = 'Insulté au tram par un homme, appelez-moi au 06 12 34 56 78 ou écrivez à camille.test@example.org.';

beforeAll(async () => {
  s = await moderationStack('workflow');
  const partnerId = await s.partner('montpellier', ['34000', '34070'], ['montpellier']);
  alice = await s.account('moderator');
  bob = await s.account('moderator');
  partnerAccount = await s.account('partner', partnerId);
  mod = await s.signIn(alice);
  mod2 = await s.signIn(bob);
  partner = await s.signIn(partnerAccount);
});
afterAll(async () => s?.close());

async function newReport(description = TEXT, overrides = {}) {
  const row = sealedReportRow(
    s.keyring,
    description,
    { postal_code: '34000', ...overrides },
    { method: 'email', value: 'camille.test@example.org' },
  );
  await insertReport(s.t.db, row);
  return row.id;
}

async function detail(client: ModerationClient, id: string) {
  const r = await client.get(`/api/staff/reports/${id}`);
  expect(r.status).toBe(200);
  return r.json;
}

describe('moderation workflow', () => {
  it('lists new and flagged reports first, then by priority and age, with counts per status', async () => {
    const low = await newReport('Texte A', { priority: 0 });
    const high = await newReport('Texte B', { priority: 2 });
    const queue = await mod.get('/api/staff/queue');
    expect(queue.status).toBe(200);
    const ids = queue.json.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(high)).toBeLessThan(ids.indexOf(low));
    expect(queue.json.counts.received).toBeGreaterThanOrEqual(2);
    expect(queue.text).not.toContain('Texte A');
    const filtered = await mod.get('/api/staff/queue?postalCode=75010');
    expect(filtered.json.items).toEqual([]);
    expect((await mod.get('/api/staff/queue?postalCode=34000%27%20OR%201=1')).status).toBe(400);
  });

  it('a claim shows who took the report, and another moderator cannot change it meanwhile', async () => {
    const id = await newReport();
    expect((await mod.post(`/api/staff/reports/${id}/claim`)).status).toBe(200);
    const taken = await mod2.post(`/api/staff/reports/${id}/claim`);
    expect(taken.status).toBe(409);
    expect(taken.json.error).toBe('NOT_CLAIMED');
    expect(taken.json.message).toMatch(/Une autre personne de l’équipe a pris ce signalement/);
    const queue = await mod2.get('/api/staff/queue');
    expect(queue.json.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      status: 'in_review',
      claimedBy: alice.id,
    });
    const d = await detail(mod2, id);
    expect(
      (await mod2.post(`/api/staff/reports/${id}/draft`, { version: d.version, anonymisedText: 'x' })).json.error,
    ).toBe('NOT_CLAIMED');
  });

  it('two saves from the same version never overwrite each other silently', async () => {
    const id = await newReport();
    await mod.post(`/api/staff/reports/${id}/claim`);
    const { version } = await detail(mod, id);
    expect((await mod.post(`/api/staff/reports/${id}/draft`, { version, anonymisedText: 'premier' })).status).toBe(200);
    const second = await mod.post(`/api/staff/reports/${id}/draft`, { version, anonymisedText: 'second' });
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ error: 'VERSION_CONFLICT', currentVersion: version + 1 });
    expect(second.json.message).toMatch(/rechargez le signalement/);
    expect((await detail(mod, id)).anonymisedText).toBe('premier');
    const form = await mod.request('POST', `/api/staff/reports/${id}/draft`, {
      form: {
        version: String(version),
        anonymisedText: 'mon texte perdu ?',
        _csrf: mod.csrfToken!,
        _return: `/staff/reports/${id}`,
      },
    });
    expect(form.status).toBe(409);
    expect(form.text).toContain('mon texte perdu ?');
  });

  it('refuses to release while a high-confidence finding remains; accepting suggestions releases it to the partner at once', async () => {
    const id = await newReport();
    await mod.post(`/api/staff/reports/${id}/claim`);
    let d = await detail(mod, id);
    expect(d.original).toBe(TEXT);
    expect(d.suggestions.every((x: { automatic: boolean }) => x.automatic)).toBe(true);
    const refused = await mod.post(`/api/staff/reports/${id}/release`, { version: d.version });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toBe('PII_REMAINS');
    expect(refused.json.findings.map((f: { kind: string }) => f.kind)).toEqual(
      expect.arrayContaining(['PHONE', 'EMAIL']),
    );
    const ref = await partnerRefOf(s.t.db, id);
    expect((await partner.get(`/api/partner/reports/${ref}`)).status).toBe(404);

    for (;;) {
      d = await detail(mod, id);
      const next = d.suggestions.find((x: { high: boolean; dismissed: boolean }) => x.high && !x.dismissed);
      if (!next) break;
      const accepted = await mod.post(`/api/staff/reports/${id}/suggestions/accept`, {
        version: d.version,
        kind: next.kind,
        start: next.start,
        end: next.end,
      });
      expect(accepted.status).toBe(200);
    }
    expect(d.draft).toContain('[PHONE]');
    expect(d.draft).toContain('[EMAIL]');
    expect((await mod.post(`/api/staff/reports/${id}/release`, { version: d.version })).status).toBe(200);

    const seen = await partner.get(`/api/partner/reports/${ref}`);
    expect(seen.status).toBe(200);
    expect(seen.json.anonymisedText).toBe(d.draft);
    expect(seen.text).not.toContain('06 12 34 56 78');
    const audit = await s.t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('target_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'report.claimed',
        'report.release_refused',
        'report.pii.accepted',
        'report.released',
        'report.viewed',
        'partner.report_viewed',
      ]),
    );
  });

  it('releases despite a remaining finding only once the moderator dismissed it explicitly (recorded)', async () => {
    const id = await newReport('Numéro du standard de la mairie : 04 67 34 70 00.');
    await mod.post(`/api/staff/reports/${id}/claim`);
    let d = await detail(mod, id);
    const phone = d.suggestions.find((x: { kind: string }) => x.kind === 'PHONE');
    expect(phone).toBeDefined();
    expect((await mod.post(`/api/staff/reports/${id}/release`, { version: d.version })).json.error).toBe('PII_REMAINS');
    expect(
      (
        await mod.post(`/api/staff/reports/${id}/suggestions/dismiss`, {
          version: d.version,
          kind: 'PHONE',
          start: phone.start,
          end: phone.end,
        })
      ).status,
    ).toBe(200);
    d = await detail(mod, id);
    expect(d.suggestions.find((x: { kind: string }) => x.kind === 'PHONE').dismissed).toBe(true);
    expect((await mod.post(`/api/staff/reports/${id}/release`, { version: d.version })).status).toBe(200);
    const released = await s.t.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('target_id', '=', id)
      .where('action', '=', 'report.released')
      .executeTakeFirstOrThrow();
    expect(released.details).toMatchObject({ dismissedKinds: ['PHONE'] });
    const dismissed = await s.t.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('target_id', '=', id)
      .where('action', '=', 'report.pii.dismissed')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(dismissed.details)).not.toContain('04 67');
  });

  it('a partner flag hides the report from partners at once and puts it first in the staff queue with the comment', async () => {
    const id = await newReport('Insultes à la sortie du tram.');
    await mod.post(`/api/staff/reports/${id}/claim`);
    const d = await detail(mod, id);
    expect((await mod.post(`/api/staff/reports/${id}/release`, { version: d.version })).status).toBe(200);
    const ref = await partnerRefOf(s.t.db, id);
    const listed = async () =>
      (await partner.get('/api/partner/reports')).json.items.map((r: { partnerRef: string }) => r.partnerRef);
    expect(await listed()).toContain(ref);
    expect(
      (
        await partner.post(`/api/partner/reports/${ref}/flag`, {
          comment: 'Le nom du bar permet de reconnaître la personne.',
        })
      ).status,
    ).toBe(200);
    expect(await listed()).not.toContain(ref);
    expect((await partner.get(`/api/partner/reports/${ref}`)).status).toBe(404);
    const queue = await mod.get('/api/staff/queue');
    expect(queue.json.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      flagged: true,
      status: 'in_review',
    });
    const flagged = await detail(mod, id);
    expect(flagged.flags[0].comment).toBe('Le nom du bar permet de reconnaître la personne.');
  });

  it('rejects with a reason, tags and sets priority, each needing the current version', async () => {
    const id = await newReport();
    await mod.post(`/api/staff/reports/${id}/claim`);
    let d = await detail(mod, id);
    expect((await mod.post(`/api/staff/reports/${id}/tags`, { version: d.version, tags: 'tram, soir' })).status).toBe(
      200,
    );
    d = await detail(mod, id);
    expect(d.tags).toEqual(['tram', 'soir']);
    expect((await mod.post(`/api/staff/reports/${id}/priority`, { version: d.version, priority: 2 })).status).toBe(200);
    d = await detail(mod, id);
    expect(d.priority).toBe(2);
    expect(
      (await mod.post(`/api/staff/reports/${id}/reject`, { version: d.version, reason: 'Hors sujet' })).status,
    ).toBe(200);
    expect(await detail(mod, id)).toMatchObject({ status: 'rejected', rejectReason: 'Hors sujet' });
  });

  it('replies through the outbound queue (message sealed, job id = message id) and audits each contact reveal', async () => {
    const id = await newReport();
    const sent = await mod.post(`/api/staff/reports/${id}/messages`, {
      body: 'Bonjour, nous avons bien reçu votre signalement.',
    });
    expect(sent.status).toBe(200);
    const messageId = sent.json.messageId as string;
    const row = await s.t.db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ report_id: id, direction: 'to_reporter', status: 'queued', author_id: alice.id });
    expect(open(s.keyring, row.body_enc, sealingContext.messageBody(messageId)).toString()).toBe(
      'Bonjour, nous avons bien reçu votre signalement.',
    );
    const queue = new Queue(OUTBOUND_QUEUE, {
      connection: new Redis(s.config.redisUrl, { maxRetriesPerRequest: null }),
      prefix: s.config.queuePrefix,
    });
    const job = await queue.getJob(messageId);
    expect(job?.data).toEqual({ v: 1, messageId });
    await queue.close();
    expect((await detail(mod, id)).messages[0].body).toBe('Bonjour, nous avons bien reçu votre signalement.');

    const reveal = await mod.post(`/api/staff/reports/${id}/contact/reveal`);
    expect(reveal.json.contact).toEqual({ method: 'email', value: 'camille.test@example.org' });
    expect(JSON.stringify(await detail(mod, id))).not.toContain('camille.test@example.org.x');
    const reveals = await s.t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'report.contact_revealed')
      .where('target_id', '=', id)
      .execute();
    expect(reveals).toHaveLength(1);
    expect(reveals[0]!.actor_id).toBe(alice.id);
  });

  it('renders report text as text: an XSS payload in a description stays inert on every page', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const id = await newReport(`Agression. ${payload}`);
    await mod.post(`/api/staff/reports/${id}/claim`);
    const page = await mod.get(`/staff/reports/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const d = await detail(mod, id);
    await mod.post(`/api/staff/reports/${id}/release`, { version: d.version, anonymisedText: `Publié : ${payload}` });
    const partnerPage = await partner.get(`/partner/reports/${await partnerRefOf(s.t.db, id)}`);
    expect(partnerPage.status).toBe(200);
    expect(partnerPage.text).not.toContain('<script>alert(1)');
    expect(partnerPage.text).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('never logged report text or contact details', () => {
    const all = s.logs.join('');
    for (const secret of ['06 12 34 56 78', 'camille.test@example.org', 'Insulté au tram', 'alert(1)'])
      expect(all).not.toContain(secret);
  });
});

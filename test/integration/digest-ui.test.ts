import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_QUEUE, buildDigestContent, type Breakdowns } from '@relais/core';
import { insertDigestOnce, setPartnerStatus } from '@relais/db';
import { runCommand } from '@relais/moderation-ui';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';

let s: ModerationStack;
let redis: Redis;
let queue: Queue;
const WEEK = '2026-W46';
const empty = (total: number, insults: number): Breakdowns => ({
  total,
  by: { actType: { insult: insults }, motive: {}, placeType: {}, reporterRole: {}, complaint: {}, postalCode: {} },
});

beforeAll(async () => {
  s = await moderationStack('digestui');
  redis = new Redis(s.config.redisUrl, { maxRetriesPerRequest: null });
  queue = new Queue(DIGEST_QUEUE, { connection: redis, prefix: s.config.queuePrefix });
});
afterAll(async () => {
  await queue?.obliterate({ force: true }).catch(() => undefined);
  await queue?.close();
  redis?.disconnect();
  await s?.close();
});

async function storeDigest(partnerId: string, name: string, total: number, isoWeek = WEEK) {
  const content = buildDigestContent({
    isoWeek,
    partner: { id: partnerId, name },
    week: empty(total, total),
    history: empty(0, 0),
    weekly: new Map(),
    reports: [{ reference: 'K7QF-M3XA', releasedAt: '2026-11-10T10:00:00Z', postalCode: '34000', categories: ['insult'], anonymisedText: `texte anonymisé de ${name}` }],
  });
  await insertDigestOnce(s.t.db, { partnerId, isoWeek, periodStart: content.period.from, content, emailStatus: 'not_configured' });
}

describe('digests in the moderation UI', () => {
  it('a partner reads its own digest archive, never another partner’s', async () => {
    const mine = await s.partner('digest-a', ['34000']);
    const theirs = await s.partner('digest-b', ['30000']);
    await storeDigest(mine, 'Ville A', 7);
    await storeDigest(theirs, 'Ville B', 3);
    await storeDigest(theirs, 'Ville B', 2, '2026-W45');
    const client = await s.signIn(await s.account('partner', mine));
    const list = await client.get('/api/partner/digests');
    expect(list.json.items.map((d: { isoWeek: string }) => d.isoWeek)).toEqual([WEEK]);
    const page = await client.get(`/partner/digests/${WEEK}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('texte anonymisé de Ville A');
    expect(page.text).not.toContain('Ville B');
    expect((await client.get('/partner/digests/2026-W45')).status).toBe(404);
    expect((await client.get('/partner/digests')).text).toContain(WEEK);
  });

  it('an admin asks for a digest by hand, for a finished week of an active partner only', async () => {
    const partner = await s.partner('digest-c', ['34070']);
    const admin = await s.signIn(await s.account('admin'));
    const ok = await admin.post(`/api/admin/partners/${partner}/digests`, { isoWeek: WEEK });
    expect(ok.status).toBe(200);
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(jobs.some((j) => j.name === 'partner-digest' && j.data.partnerId === partner && j.data.isoWeek === WEEK)).toBe(true);
    expect((await admin.post(`/api/admin/partners/${partner}/digests`, { isoWeek: '2099-W01' })).json.error).toBe('WEEK_NOT_OVER');
    expect((await admin.post(`/api/admin/partners/${partner}/digests`, { isoWeek: '2026-W54' })).status).toBe(400);
    await setPartnerStatus(s.t.db, partner, 'suspended');
    expect((await admin.post(`/api/admin/partners/${partner}/digests`, { isoWeek: WEEK })).json.error).toBe('PARTNER_SUSPENDED');
    const audit = await s.t.db.selectFrom('audit_events').select('action').where('action', '=', 'admin.digest_requested').execute();
    expect(audit).toHaveLength(1);
  });

  it('the CLI asks for one too', async () => {
    await s.partner('digest-d', ['34090']);
    const out = await runCommand(['digest', 'generate', 'digest-d', WEEK], { db: s.t.db, keyring: s.keyring, digestQueue: async () => queue });
    expect(out).toMatch(/queued/);
    await expect(runCommand(['digest', 'generate', 'nobody', WEEK], { db: s.t.db, keyring: s.keyring, digestQueue: async () => queue })).rejects.toThrow(/no partner with slug nobody/);
  });
});

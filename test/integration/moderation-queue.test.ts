import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReport, type NewReportRow } from '@relais/db';
import type { ModerationClient } from '../support/moderation-client.ts';
import { moderationStack, type ModerationStack, type TestAccount } from '../support/moderation-stack.ts';
import { sealedReportRow } from '../support/sealed-report.ts';

let s: ModerationStack;
let alice: TestAccount;
let bob: TestAccount;
let mod: ModerationClient;
let mod2: ModerationClient;
const DAY = 86_400_000;
const NOW = Date.now();

async function report(
  name: string,
  overrides: Partial<NewReportRow> & { daysAgo: number; flagged?: boolean },
): Promise<[string, string]> {
  const { daysAgo, flagged, ...row } = overrides;
  const r = sealedReportRow(s.keyring, `Texte ${name}`, {
    postal_code: '34000',
    received_at: new Date(NOW - daysAgo * DAY),
    submitted_at: new Date(NOW - daysAgo * DAY),
    ...row,
  });
  await insertReport(s.t.db, r);
  if (flagged) await s.t.db.updateTable('reports').set({ flagged_at: new Date() }).where('id', '=', r.id).execute();
  return [name, r.id];
}

let byName: Map<string, string>;
const names = (items: { id: string }[]) => {
  const byId = new Map([...byName].map(([n, id]) => [id, n]));
  return items.map((i) => byId.get(i.id) ?? '?');
};
const queue = async (query = '') => {
  const r = await mod.get(`/api/staff/queue${query}`);
  expect(r.status, r.text).toBe(200);
  return names(r.json.items);
};

beforeAll(async () => {
  s = await moderationStack('queue');
  alice = await s.account('moderator');
  bob = await s.account('moderator');
  mod = await s.signIn(alice);
  mod2 = await s.signIn(bob);
  byName = new Map(
    await Promise.all([
      report('new-low-recent', { priority: 0, daysAgo: 5 }),
      report('new-high-recent', { priority: 2, daysAgo: 1, tunnel: 'montpellier' }),
      report('new-high-old', { priority: 2, daysAgo: 3, act_types: ['threat'] }),
      report('flagged-low-old', {
        status: 'in_review',
        priority: 0,
        daysAgo: 10,
        flagged: true,
        released_at: null,
        postal_code: '34070',
      }),
      report('review-high-older', { status: 'in_review', priority: 2, daysAgo: 20, act_types: ['threat', 'insult'] }),
      report('review-low-oldest', {
        status: 'in_review',
        priority: 0,
        daysAgo: 30,
        tunnel: 'montpellier',
        postal_code: '34070',
      }),
      report('done', {
        status: 'done',
        priority: 1,
        daysAgo: 2,
        released_at: new Date(),
        anonymised_text: 'Publié.',
        tunnel: 'montpellier',
      }),
      report('rejected', {
        status: 'rejected',
        priority: 1,
        daysAgo: 4,
        rejected_at: new Date(),
        reject_reason: 'Hors sujet',
        postal_code: '34070',
      }),
    ]),
  );
});
afterAll(async () => s?.close());

const isoDay = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString().slice(0, 10);

describe('the staff queue', () => {
  it('puts new and flagged reports first, then by priority (highest first), then by age (oldest first)', async () => {
    expect(await queue()).toEqual([
      'new-high-old',
      'new-high-recent',
      'flagged-low-old',
      'new-low-recent',
      'review-high-older',
      'review-low-oldest',
    ]);
    const page = await mod.get('/api/staff/queue');
    expect(page.json.items.find((i: { id: string }) => i.id === byName.get('flagged-low-old'))).toMatchObject({
      flagged: true,
      status: 'in_review',
    });
    expect(page.json.counts).toMatchObject({ received: 3, in_review: 3, flagged: 1, done: 1, rejected: 1 });
  });

  it('filters by status, including closed ones, in the same order', async () => {
    expect(await queue('?status=in_review')).toEqual(['flagged-low-old', 'review-high-older', 'review-low-oldest']);
    expect(await queue('?status=done')).toEqual(['done']);
    expect(await queue('?status=rejected,received')).toEqual([
      'new-high-old',
      'new-high-recent',
      'new-low-recent',
      'rejected',
    ]);
    expect((await mod.get('/api/staff/queue?status=deleted')).status).toBe(400);
  });

  it('filters by tunnel, postal code and act type', async () => {
    expect(await queue('?tunnel=montpellier')).toEqual(['new-high-recent', 'review-low-oldest']);
    expect(await queue('?tunnel=montpellier&status=done')).toEqual(['done']);
    expect(await queue('?postalCode=34070')).toEqual(['flagged-low-old', 'review-low-oldest']);
    expect(await queue('?actType=threat')).toEqual(['new-high-old', 'review-high-older']);
    expect(await queue('?actType=threat&postalCode=34070')).toEqual([]);
    expect((await mod.get('/api/staff/queue?actType=nonsense')).status).toBe(400);
    expect((await mod.get('/api/staff/queue?tunnel=a%20b')).status).toBe(400);
  });

  it('filters by received date, from and to both inclusive', async () => {
    expect(await queue(`?from=${isoDay(5)}`)).toEqual(['new-high-old', 'new-high-recent', 'new-low-recent']);
    expect(await queue(`?to=${isoDay(10)}`)).toEqual(['flagged-low-old', 'review-high-older', 'review-low-oldest']);
    expect(await queue(`?from=${isoDay(20)}&to=${isoDay(5)}`)).toEqual([
      'flagged-low-old',
      'new-low-recent',
      'review-high-older',
    ]);
    expect((await mod.get('/api/staff/queue?from=2026-02-30')).status).toBe(400);
  });

  it("lets a second moderator take a report once the first one's claim has expired, and the first can no longer save", async () => {
    const id = byName.get('new-low-recent')!;
    expect((await mod.post(`/api/staff/reports/${id}/claim`)).status).toBe(200);
    expect((await mod2.post(`/api/staff/reports/${id}/claim`)).status).toBe(409);
    await s.t.db
      .updateTable('reports')
      .set({ claimed_until: new Date(Date.now() - 60_000) })
      .where('id', '=', id)
      .execute();
    const taken = await mod2.post(`/api/staff/reports/${id}/claim`);
    expect(taken.status).toBe(200);
    const line = (await mod.get('/api/staff/queue')).json.items.find((i: { id: string }) => i.id === id);
    expect(line).toMatchObject({ claimedBy: bob.id });
    const { version } = (await mod.get(`/api/staff/reports/${id}`)).json;
    const late = await mod.post(`/api/staff/reports/${id}/draft`, {
      version,
      anonymisedText: 'travail de la première modératrice',
    });
    expect(late.status).toBe(409);
    expect(late.json.error).toBe('NOT_CLAIMED');
    expect(
      (await mod2.post(`/api/staff/reports/${id}/draft`, { version, anonymisedText: 'texte de la seconde' })).status,
    ).toBe(200);
  });
});

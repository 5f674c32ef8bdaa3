import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimReport,
  createAccount,
  createPartner,
  findStaffReport,
  insertReport,
  rejectReport,
  releaseReport,
} from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { reportRow } from '../support/report-rows.ts';
import { testConfig } from '../support/test-config.ts';

let t: TestDatabase;
let alice: string;
let bob: string;
let partnerId: string;

const inAnHour = () => new Date(Date.now() + 3_600_000);

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'decision');
  const account = async () =>
    (
      await createAccount(t.db, {
        email: `${randomUUID()}@example.org`,
        displayName: 'Mod',
        role: 'moderator',
        partnerId: null,
        passwordHash: 'x',
        totpSecretEnc: null,
      })
    ).id;
  alice = await account();
  bob = await account();
  partnerId = (
    await createPartner(t.db, { slug: 'beziers', name: 'Béziers', scope: [{ tunnels: [], postalCodes: ['34500'] }] })
  ).id;
});
afterAll(async () => t?.drop());

/** A flagged report back in review, claimed by alice, with one open partner flag; returns its id and version. */
async function flaggedClaimedReport(): Promise<{ id: string; version: number }> {
  const row = reportRow({ postal_code: '34500', status: 'in_review' });
  await insertReport(t.db, row);
  await t.db.updateTable('reports').set({ flagged_at: new Date() }).where('id', '=', row.id).execute();
  await t.db
    .insertInto('flags')
    .values({ report_id: row.id, partner_id: partnerId, account_id: null, comment: 'nom du bar' })
    .execute();
  const claimed = await claimReport(t.db, row.id, alice, inAnHour());
  if (!claimed.ok) throw new Error(`claim refused: ${claimed.reason}`);
  return { id: row.id, version: claimed.version };
}

async function openFlags(reportId: string): Promise<number> {
  return (
    await t.db
      .selectFrom('flags')
      .select('id')
      .where('report_id', '=', reportId)
      .where('resolved_at', 'is', null)
      .execute()
  ).length;
}

describe.each([
  {
    name: 'release',
    status: 'done',
    decide: (id: string, by: string, version: number) => releaseReport(t.db, id, by, version, 'Texte anonymisé.'),
  },
  {
    name: 'reject',
    status: 'rejected',
    decide: (id: string, by: string, version: number) => rejectReport(t.db, id, by, version, 'Hors sujet'),
  },
] as const)('$name of a claimed report', ({ status, decide }) => {
  it('closes it: new status and version, claim and flag marker cleared, open partner flags resolved by the claimant', async () => {
    const { id, version } = await flaggedClaimedReport();
    expect(await decide(id, alice, version)).toEqual({ ok: true, version: version + 1 });
    const row = await findStaffReport(t.db, id);
    expect(row).toMatchObject({
      status,
      version: version + 1,
      claimed_by: null,
      claimed_until: null,
      flagged_at: null,
    });
    expect(await openFlags(id)).toBe(0);
    const [flag] = await t.db.selectFrom('flags').select('resolved_by').where('report_id', '=', id).execute();
    expect(flag?.resolved_by).toBe(alice);
  });

  it('is refused at a stale version, to another moderator, and once decided, leaving the report and its flags as they were', async () => {
    const { id, version } = await flaggedClaimedReport();
    expect(await decide(id, alice, version - 1)).toEqual({
      ok: false,
      reason: 'version_conflict',
      currentVersion: version,
    });
    expect(await decide(id, bob, version)).toMatchObject({ ok: false, reason: 'not_claimed', claimedBy: alice });
    expect(await findStaffReport(t.db, id)).toMatchObject({ status: 'in_review', version, claimed_by: alice });
    expect(await openFlags(id)).toBe(1);
    expect((await decide(id, alice, version)).ok).toBe(true);
    expect(await decide(id, alice, version + 1)).toEqual({ ok: false, reason: 'wrong_status', status });
  });

  it('is refused once the claim has lapsed', async () => {
    const { id, version } = await flaggedClaimedReport();
    await t.db
      .updateTable('reports')
      .set({ claimed_until: new Date(Date.now() - 1_000) })
      .where('id', '=', id)
      .execute();
    expect(await decide(id, alice, version)).toEqual({
      ok: false,
      reason: 'not_claimed',
      claimedBy: null,
      claimedUntil: null,
    });
    expect(await openFlags(id)).toBe(1);
  });

  it('says a report that does not exist is not found', async () => {
    expect(await decide(randomUUID(), alice, 1)).toEqual({ ok: false, reason: 'not_found' });
  });
});

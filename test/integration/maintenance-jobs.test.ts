import type { Queue, QueueEvents } from 'bullmq';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERASURE_JOB_OPTIONS, MAINTENANCE_JOBS, MAINTENANCE_QUEUE } from '@relais/core';
import { findReport } from '@relais/db';
import type { TestDatabase } from '@relais/db/testing';
import { capturedLogger } from '../support/log-capture.ts';
import { reportRow } from '../support/report-rows.ts';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { submission } from '../support/submissions.ts';
import { expectTombstone } from '../support/tombstone.ts';
import { waitFor } from '../support/wait-for.ts';

const DAY = 24 * 3600 * 1000;
let t: TestDatabase;

let maintenance: Queue;
let events: QueueEvents;
let h: IntakeHarness;
const logs = capturedLogger('maintenance');

async function run(name: string, data: unknown, options = {}) {
  const job = await maintenance.add(name, data, { ...ERASURE_JOB_OPTIONS, ...options });
  return job.waitUntilFinished(events, 20_000);
}

async function storeSubmitted(reporterKey: string, overrides = {}) {
  const s = submission({
    reporterKey,
    contact: { method: 'email', value: 'moi@example.org' },
    occurred: { precision: 'day', date: '2026-10-14' },
    ...overrides,
  });
  return { s, job: await h.send(s) };
}

/** What a statistic counts: reports with the act type `threat`, whatever their status. */
async function countThreats(): Promise<number> {
  const row = await t.db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(sql<boolean>`'threat' = ANY(act_types)`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  h = await startIntakeHarness('maintenance', () => ({ RETENTION_DAYS: '30' }));
  ({ t, maintenance } = h);
  events = await h.queueEvents(MAINTENANCE_QUEUE);
  await h.startWorkerService(logs.logger);
});

afterAll(async () => {
  await h?.close();
});

describe('retention', () => {
  it('is scheduled at start-up', async () => {
    const schedulers = await maintenance.getJobSchedulers();
    expect(schedulers.map((s) => s.name)).toContain(MAINTENANCE_JOBS.retention);
  });

  it('purges original text and contact of reports released or rejected more than RETENTION_DAYS ago, and only those', async () => {
    const now = Date.now();
    const old = reportRow({
      status: 'done',
      released_at: new Date(now - 31 * DAY),
      anonymised_text: 'Insultes à la sortie du tram.',
      contact_method: 'email',
      contact_enc: Buffer.from('sealed contact'),
    });
    const oldRejected = reportRow({
      status: 'rejected',
      rejected_at: new Date(now - 40 * DAY),
      contact_method: 'phone',
      contact_enc: Buffer.from('x'),
    });
    const recent = reportRow({
      status: 'done',
      released_at: new Date(now - 29 * DAY),
      contact_method: 'email',
      contact_enc: Buffer.from('y'),
    });
    const inReview = reportRow({ status: 'in_review', submitted_at: new Date(now - 90 * DAY) });
    await t.db.insertInto('reports').values([old, oldRejected, recent, inReview]).execute();

    // (The scheduler's first run, at start-up, may purge them before this one: either way.)
    await run(MAINTENANCE_JOBS.retention, {});
    for (const id of [old.id, oldRejected.id]) {
      expect(await findReport(t.db, id)).toMatchObject({
        description_enc: null,
        contact_enc: null,
        contact_method: null,
        pii_findings: [],
      });
      expect((await findReport(t.db, id))?.purged_at).not.toBeNull();
    }
    expect(await findReport(t.db, old.id)).toMatchObject({
      status: 'done',
      anonymised_text: 'Insultes à la sortie du tram.',
      postal_code: '34000',
    });
    expect((await findReport(t.db, recent.id))?.contact_enc).not.toBeNull();
    expect((await findReport(t.db, inReview.id))?.description_enc).not.toBeNull();
    expect(await run(MAINTENANCE_JOBS.retention, {})).toEqual({ purged: 0 });
  });
});

describe('erasure', () => {
  it('leaves erased tombstones with no content, contact or reporter key, keeping the statistics right', async () => {
    const reporterKey = 'c'.repeat(64);
    const mine = [
      await storeSubmitted(reporterKey, { actTypes: ['threat'] }),
      await storeSubmitted(reporterKey, { actTypes: ['insult', 'threat'] }),
    ];
    const someoneElse = await storeSubmitted('d'.repeat(64), { actTypes: ['threat'] });
    for (const { job } of [...mine, someoneElse])
      await waitFor(async () => ((await job.isCompleted()) ? true : undefined));
    await t.db
      .updateTable('reports')
      .set({ anonymised_text: 'texte anonymisé', staff_notes: 'note' })
      .where('id', '=', mine[0]!.s.id)
      .execute();
    const threatsBefore = await countThreats();

    expect(await run(MAINTENANCE_JOBS.erasure, { v: 1, reporterKey, requestedAt: new Date().toISOString() })).toEqual({
      erased: 2,
    });
    for (const { s } of mine) {
      await expectTombstone(t.db, s.id, { departement: '34', occurred_precision: 'month', occurred_on: '2026-10-01' });
    }
    expect((await findReport(t.db, someoneElse.s.id))?.status).toBe('received');
    expect(await countThreats()).toBe(threatsBefore);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'reports.erased').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain(reporterKey);
    // A second request changes nothing.
    expect(await run(MAINTENANCE_JOBS.erasure, { v: 1, reporterKey, requestedAt: new Date().toISOString() })).toEqual({
      erased: 0,
    });
  });

  it('waits for a listed report still in intake, then erases it', async () => {
    const reporterKey = 'e'.repeat(64);
    const s = submission({ reporterKey });
    // The intake job is delayed (as during a database outage): the erasure must not run ahead of it.
    await h.send(s, { delay: 1_500 });
    const erasure = await maintenance.add(
      MAINTENANCE_JOBS.erasure,
      { v: 1, reporterKey, reportIds: [s.id], requestedAt: new Date().toISOString() },
      ERASURE_JOB_OPTIONS,
    );
    expect(await erasure.waitUntilFinished(events, 20_000)).toEqual({ erased: 1 });
    expect((await findReport(t.db, s.id))?.status).toBe('erased');
  });

  it('fails a malformed erasure request at once with its reason', async () => {
    await expect(
      run(MAINTENANCE_JOBS.erasure, { v: 1, reporterKey: 'not-a-key', requestedAt: 'yesterday' }),
    ).rejects.toThrow(/invalid maintenance payload: reporterKey: invalid_format; requestedAt: invalid_format/);
  });

  it('never logged a reporter key or contact', () => {
    const all = logs.lines.join('');
    for (const secret of ['c'.repeat(64), 'moi@example.org']) expect(all).not.toContain(secret);
  });
});

import type { Queue } from 'bullmq';
import { QueueEvents, type Job } from 'bullmq';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErasureQueue } from '@relais/bots';
import {
  INTAKE_QUEUE,
  MAINTENANCE_JOBS,
  MAINTENANCE_QUEUE,
  type RelaisConfig,
  type ReportSubmission,
} from '@relais/core';
import { ERASURE_RECORD_DAYS, findReport } from '@relais/db';
import type { TestDatabase } from '@relais/db/testing';
import { capturedLogger } from '../support/log-capture.ts';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.ts';
import { submission } from '../support/submissions.ts';
import { expectTombstone } from '../support/tombstone.ts';
import { startTcpProxy, viaProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { waitFor } from '../support/wait-for.ts';

let t: TestDatabase;
let config: RelaisConfig;
let proxy: TcpProxy;
let intake: Queue;
let maintenance: Queue;
let erasure: ErasureQueue;
let intakeEvents: QueueEvents;
let h: IntakeHarness;
const logs = capturedLogger('erasure-pending');

const DAY = 24 * 3600 * 1000;
const CONTACT = { method: 'email' as const, value: 'efface-moi@example.org' };

/** A report of `reporterKey` with text, contact, postal code and a date, as the bots submit it. */
function report(reporterKey: string, overrides: Partial<ReportSubmission> = {}): ReportSubmission {
  return submission({
    reporterKey,
    contact: CONTACT,
    occurred: { precision: 'day', date: '2026-11-20' },
    actTypes: ['threat'],
    ...overrides,
  });
}

const enqueue = (s: ReportSubmission, options = {}): Promise<Job> => h.send(s, options);

/** The erasure jobs of `reporterKey` and their states. */
async function erasureStates(): Promise<string[]> {
  const jobs = await maintenance.getJobs(['completed', 'failed', 'waiting', 'delayed', 'active']);
  return Promise.all(jobs.filter((j) => j.name === 'erase-reporter-reports').map((j) => j.getState()));
}

/** What a user would see of a stored report: a tombstone with no content, its tags kept. */
const expectErased = (id: string) =>
  expectTombstone(t.db, id, {
    act_types: ['threat'],
    departement: '34',
    occurred_precision: 'month',
    occurred_on: '2026-11-01',
  });

beforeAll(async () => {
  // The worker reaches PostgreSQL through a TCP proxy the test can cut.
  h = await startIntakeHarness('erasurepending', async (db) => {
    const target = new URL(db.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    return { DATABASE_URL: viaProxy(db.url, proxy) };
  });
  ({ t, config, queue: intake, maintenance } = h);
  intakeEvents = await h.queueEvents(INTAKE_QUEUE);
  erasure = new ErasureQueue(h.redis, config.queuePrefix);
  await h.startWorkerService(logs.logger);
});

afterAll(async () => {
  proxy?.restore();
  await erasure?.close();
  await h?.close();
  await proxy?.close();
});

describe('erasure of a report still on its way in', () => {
  it(
    'a report queued during a PostgreSQL outage, erased before the database is back, ends as a tombstone with no content',
    { timeout: 90_000 },
    async () => {
      const reporterKey = 'a1'.repeat(32);
      proxy.cut();
      const s = report(reporterKey);
      const job = await enqueue(s);
      // The intake job is retrying with backoff: the report is in no table yet.
      await waitFor(
        async () => ((await intake.getJob(s.id))!.attemptsMade >= 2 ? true : undefined),
        30_000,
        'intake retrying',
      );
      await erasure.request(reporterKey, new Date());
      await waitFor(
        async () => ((await maintenance.getJobs(['delayed'])).length > 0 ? true : undefined),
        30_000,
        'erasure retrying',
      );
      proxy.restore();

      expect(await job.waitUntilFinished(intakeEvents, 60_000)).toMatchObject({ stored: true });
      await waitFor(
        async () => ((await erasureStates()).every((state) => state === 'completed') ? true : undefined),
        60_000,
        'erasure done',
      );
      await expectErased(s.id);
      expect(await intake.getFailedCount()).toBe(0);
    },
  );

  it(
    'an erasure that completes while the report waits in the queue turns the report into a tombstone when it arrives',
    { timeout: 30_000 },
    async () => {
      const reporterKey = 'b2'.repeat(32);
      const s = report(reporterKey);
      // As if retrying: the intake job runs only after the erasure is done.
      const job = await enqueue(s, { delay: 2_000 });
      await erasure.request(reporterKey, new Date());
      await waitFor(
        async () => ((await erasureStates()).filter((state) => state !== 'completed').length === 0 ? true : undefined),
        20_000,
        'erasure done',
      );
      expect(await findReport(t.db, s.id)).toBeUndefined();

      expect(await job.waitUntilFinished(intakeEvents, 20_000)).toEqual({ stored: true, erased: true });
      await expectErased(s.id);
      const audit = await t.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'reports.erased')
        .execute();
      expect(audit.some((a) => JSON.stringify(a.details).includes(s.id))).toBe(true);
      expect(JSON.stringify(audit)).not.toContain(reporterKey);
    },
  );

  it('a report the same person submits after asking for erasure is kept', { timeout: 30_000 }, async () => {
    const reporterKey = 'b2'.repeat(32);
    const later = report(reporterKey, { submittedAt: new Date(Date.now() + 1_000).toISOString() });
    const job = await enqueue(later);
    expect(await job.waitUntilFinished(intakeEvents, 20_000)).toEqual({ stored: true });
    expect(await findReport(t.db, later.id)).toMatchObject({
      status: 'received',
      reporter_key: reporterKey,
      contact_method: 'email',
    });
  });

  it('forgets erasure requests after ERASURE_RECORD_DAYS, at a retention run', { timeout: 30_000 }, async () => {
    const recorded = async () =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM reporter_erasures`.execute(t.db)).rows[0]!.n);
    expect(await recorded()).toBe(2);
    const events = new QueueEvents(MAINTENANCE_QUEUE, { connection: h.redis.duplicate(), prefix: config.queuePrefix });
    try {
      const soon = await maintenance.add(MAINTENANCE_JOBS.retention, {
        now: new Date(Date.now() + (ERASURE_RECORD_DAYS - 1) * DAY).toISOString(),
      });
      await soon.waitUntilFinished(events, 20_000);
      expect(await recorded()).toBe(2);
      const later = await maintenance.add(MAINTENANCE_JOBS.retention, {
        now: new Date(Date.now() + (ERASURE_RECORD_DAYS + 1) * DAY).toISOString(),
      });
      await later.waitUntilFinished(events, 20_000);
      expect(await recorded()).toBe(0);
    } finally {
      await events.close();
    }
  });

  it('never logged a reporter key or contact', () => {
    const all = logs.lines.join('');
    for (const secret of ['a1'.repeat(32), 'b2'.repeat(32), CONTACT.value]) expect(all).not.toContain(secret);
  });
});

import type { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks, DIGEST_JOBS, partnerDigestJobId, previousIsoWeek, type RelaisConfig } from '@relais/core';
import { insertReport } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { digestScheduleLeaseKey, ensureWeeklyDigestSchedule } from '@relais/worker/digest';
import { digestPartner, openDigestQueue, releasedIn, type DigestQueue } from '../support/digest-world.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { reportRow } from '../support/report-rows.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

// Two real worker processes' services (as `npm start` wires them) on one Redis and one database.
const WEEK = previousIsoWeek(new Date());
let t: TestDatabase;
let config: RelaisConfig;
let redis: Redis;
let queue: Queue;
let events: QueueEvents;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let digestQueue: DigestQueue;
let workers: WorkerService[] = [];
const partners = { a: '', b: '' };

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'digestsched');
  sink = await startSmtpSink();
  config = testConfig({ DATABASE_URL: t.url, SMTP_URL: sink.url, MODERATION_URL: 'https://moderation.example' });
  partners.a = await digestPartner(t.db, {
    slug: 'a',
    name: 'Ville A',
    postalCode: '34000',
    emails: ['a@ville-a.example'],
  });
  partners.b = await digestPartner(t.db, {
    slug: 'b',
    name: 'Ville B',
    postalCode: '30000',
    emails: ['b@ville-b.example'],
  });
  for (const [week, postalCode] of [
    [WEEK, '34000'],
    [WEEK, '30000'],
    [addWeeks(WEEK, -1), '34000'],
  ] as const) {
    await insertReport(
      t.db,
      reportRow({ status: 'done', released_at: releasedIn(week), postal_code: postalCode, anonymised_text: 'Texte.' }),
    );
  }
  digestQueue = await openDigestQueue(config);
  ({ redis, queue, events } = digestQueue);
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close({ deadlineMs: 2_000 })));
  await digestQueue?.close();
  await sink?.close();
  await t?.drop();
});

const completed = (id: string) =>
  waitFor(
    async () => ((await (await queue.getJob(id))?.getState()) === 'completed' ? true : undefined),
    30_000,
    `job ${id}`,
  );

describe('the weekly digest scheduler with two workers', () => {
  it('is upserted by one of two workers starting together, the other skips', async () => {
    workers = await Promise.all([
      createWorkerService(config, capturedLogger('w1').logger),
      createWorkerService(config, capturedLogger('w2').logger),
    ]);
    expect(workers.map((w) => w.digestSchedule).sort()).toEqual(['skipped', 'upserted']);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: 'weekly-digests', pattern: '0 8 * * 1', tz: 'Europe/Paris' });
    // Once the lease has expired, a worker starting finds the scheduler in place and writes nothing.
    await redis.del(digestScheduleLeaseKey(queue));
    expect(await ensureWeeklyDigestSchedule(queue, redis)).toBe('unchanged');
    expect(await queue.getJobSchedulers()).toHaveLength(1);
  });

  it('fired, gives one digest and one e-mail per partner, whichever worker takes the jobs', async () => {
    const next = (await queue.getDelayed()).find((j) => j.name === DIGEST_JOBS.weekly);
    expect(next).toBeDefined();
    await next!.promote(); // Monday 08:00, now
    expect(await next!.waitUntilFinished(events, 15_000)).toEqual({ isoWeek: WEEK, partners: 2 });
    for (const id of [partners.a, partners.b]) await completed(partnerDigestJobId(id, WEEK));
    const digests = await t.db
      .selectFrom('digests')
      .select(['partner_id', 'iso_week', 'email_status'])
      .orderBy('partner_id')
      .execute();
    expect(digests.map((d) => [d.partner_id, d.iso_week, d.email_status]).sort()).toEqual(
      [
        [partners.a, WEEK, 'sent'],
        [partners.b, WEEK, 'sent'],
      ].sort(),
    );
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['a@ville-a.example', 'b@ville-b.example']);
  });

  it('two workers running the same partner digest at once still store one digest and send one e-mail', async () => {
    const week = addWeeks(WEEK, -1);
    const data = { v: 1, partnerId: partners.a, isoWeek: week };
    // As after a stalled job is run again while the first run goes on: same work, two job ids.
    const jobs = await queue.addBulk(
      ['x', 'y', 'z', 'w'].map((k) => ({ name: DIGEST_JOBS.partner, data, opts: { jobId: `dup-${k}` } })),
    );
    const results = await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 15_000)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.filter((r) => r.email === 'sent')).toHaveLength(1);
    expect(await t.db.selectFrom('digests').select('id').where('iso_week', '=', week).execute()).toHaveLength(1);
    expect(sink.received.filter((m) => m.to[0] === 'a@ville-a.example')).toHaveLength(2); // one per week
  });
});

import type { Queue, QueueEvents } from 'bullmq';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_JOBS, DIGEST_QUEUE, partnerDigestJobId, previousIsoWeek, type RelaisConfig } from '@relais/core';
import { insertReport, setPartnerStatus } from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import {
  createJobRegistry,
  ensureWeeklyDigestSchedule,
  partnerDigestJob,
  smtpMailer,
  weeklyDigestsJob,
} from '@relais/worker/digest';
import { digestPartner, openDigestQueue, releasedIn, type DigestQueue } from '../support/digest-world.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { reportRow } from '../support/report-rows.ts';
import { readableMail, startSmtpSink } from '../support/smtp-sink.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

// What the scheduler's Monday firing covers: the week before the current one.
const WEEK = previousIsoWeek(new Date());
const SECRET_TEXT = 'Texte anonymisé que seul le partenaire peut lire dans son espace';
/** Receipt references of the reports in the digest (none may reach an e-mail). */
const references: string[] = [];
/** The day of the facts of those reports: it must not reach an e-mail either. */
const FACTS_DAY = '2024-11-23';
let t: TestDatabase;
let config: RelaisConfig;
let redis: Redis;
let queue: Queue;
let events: QueueEvents;
let worker: Worker;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let digestQueue: DigestQueue;
const partners: Record<'city' | 'suspended' | 'silent' | 'flaky', string> = {
  city: '',
  suspended: '',
  silent: '',
  flaky: '',
};
const logs = capturedLogger('digest-test');

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'digestjob');
  config = testConfig({ DATABASE_URL: t.url });
  sink = await startSmtpSink();
  partners.city = await digestPartner(t.db, {
    slug: 'city',
    name: 'Ville A',
    postalCode: '34000',
    emails: ['prevention@ville-a.example'],
  });
  partners.suspended = await digestPartner(t.db, {
    slug: 'susp',
    name: 'Ville B',
    postalCode: '34000',
    emails: ['b@ville-b.example'],
  });
  await setPartnerStatus(t.db, partners.suspended, 'suspended');
  partners.silent = await digestPartner(t.db, { slug: 'silent', name: 'Ville C', postalCode: '34000' });
  partners.flaky = await digestPartner(t.db, {
    slug: 'flaky',
    name: 'Ville D',
    postalCode: '30000',
    emails: ['d@ville-d.example'],
  });
  const released = releasedIn(WEEK);
  for (let i = 0; i < 6; i++) {
    const row = reportRow({
      status: 'done',
      released_at: released,
      postal_code: '34000',
      act_types: i === 0 ? ['insult', 'threat'] : ['insult'],
      anonymised_text: SECRET_TEXT,
      occurred_precision: 'day',
      occurred_on: FACTS_DAY,
    });
    references.push(row.reference);
    await insertReport(t.db, row);
  }
  await insertReport(
    t.db,
    reportRow({ status: 'done', released_at: released, postal_code: '30000', anonymised_text: SECRET_TEXT }),
  );

  digestQueue = await openDigestQueue(config);
  ({ redis, queue, events } = digestQueue);
  const registry = createJobRegistry([
    weeklyDigestsJob({
      db: t.db,
      queue,
      logger: logs.logger,
      partnerJobOptions: { attempts: 4, backoff: { type: 'fixed', delay: 200 }, removeOnFail: false },
    }),
    partnerDigestJob({
      db: t.db,
      logger: logs.logger,
      mailer: smtpMailer(sink.url, 'Relais <relais@test.example>'),
      moderationUrl: 'https://moderation.example',
      threshold: 5,
    }),
  ]);
  worker = new Worker(DIGEST_QUEUE, registry.processor(DIGEST_QUEUE), {
    connection: redis.duplicate(),
    prefix: config.queuePrefix,
    concurrency: 4,
  });
});

afterAll(async () => {
  await worker?.close();
  await digestQueue?.close();
  await sink?.close();
  await t?.drop();
});

/** Fires the real job scheduler now: promotes its delayed Monday job, waits for it to finish. */
async function fireScheduler() {
  const next = (await queue.getDelayed()).find((j) => j.name === DIGEST_JOBS.weekly);
  if (!next) throw new Error('no scheduled weekly digest job');
  await next.promote();
  return next.waitUntilFinished(events, 15_000);
}

const finished = (id: string) =>
  waitFor(
    async () => {
      const state = await (await queue.getJob(id))?.getState();
      return state === 'completed' || state === 'failed' ? state : undefined;
    },
    30_000,
    `job ${id}`,
  );

describe('weekly digests', () => {
  it('the scheduler fired twice stores one digest per active partner and mails each once, none to a suspended partner', async () => {
    expect(await ensureWeeklyDigestSchedule(queue, redis)).toBe('upserted');
    sink.failNext(1); // the first e-mail fails at the relay: it is retried, not duplicated
    // This Monday's firing, then (promoted early) next Monday's: both cover the same finished week.
    expect(await fireScheduler()).toEqual({ isoWeek: WEEK, partners: 3 });
    expect(await fireScheduler()).toEqual({ isoWeek: WEEK, partners: 3 });
    for (const id of [partners.city, partners.silent, partners.flaky])
      expect(await finished(partnerDigestJobId(id, WEEK))).toBe('completed');
    expect(await queue.getJob(partnerDigestJobId(partners.suspended, WEEK))).toBeUndefined();

    const digests = await t.db.selectFrom('digests').select(['partner_id', 'email_status']).execute();
    expect(digests).toHaveLength(3);
    expect(Object.fromEntries(digests.map((d) => [d.partner_id, d.email_status]))).toEqual({
      [partners.city]: 'sent',
      [partners.silent]: 'not_configured',
      [partners.flaky]: 'sent',
    });
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['d@ville-d.example', 'prevention@ville-a.example']);
  });

  it('mail aggregates with small counts hidden, a link, and never a report text', () => {
    const mail = sink.received.find((m) => m.to[0] === 'prevention@ville-a.example')!;
    const body = readableMail(mail.raw);
    expect(body).toContain('Signalements de la semaine : 6');
    expect(body).toMatch(/Je suis victime : 6/);
    expect(body).toMatch(/Menaces : < 5/);
    // Threats (1) are hidden, and insults with them so no difference can give the 1 away.
    expect(body).toMatch(/Insultes, injures : < 5/);
    expect(body).toContain(`https://moderation.example/partner/digests/${WEEK}`);
    expect(body).toMatch(/text\/html/);
    expect(body).not.toContain(SECRET_TEXT);
    // No receipt reference (the pattern alone also matches the mail's random boundaries and ids).
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(body).not.toContain(reference);
    // Nor the day of the facts, in any spelling (partners get the month at most).
    for (const day of [FACTS_DAY, '23/11/2024', '23 novembre']) expect(body).not.toContain(day);
  });

  it('a third firing and a hand-made retry still change nothing', async () => {
    const job = await queue.add(
      DIGEST_JOBS.partner,
      { v: 1, partnerId: partners.city, isoWeek: WEEK },
      { jobId: 'by-hand-retry' },
    );
    expect(await job.waitUntilFinished(events, 15_000)).toMatchObject({ created: false, email: 'already_handled' });
    expect(await t.db.selectFrom('digests').select('id').execute()).toHaveLength(3);
    expect(sink.received).toHaveLength(2);
  });

  it('is scheduled by one job scheduler, every Monday at 08:00 Paris time, upserted once', async () => {
    expect(await ensureWeeklyDigestSchedule(queue, redis)).toBe('skipped'); // the lease is taken
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ pattern: '0 8 * * 1', tz: 'Europe/Paris' });
    const next = new Date(Number(schedulers[0]!.next));
    const paris = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(next);
    expect(paris).toBe('Monday 08:00');
    await queue.removeJobScheduler('weekly-digests');
  });
});

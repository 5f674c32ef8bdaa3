import { randomBytes } from 'node:crypto';
import type { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_JOBS, partnerDigestJobId, weekBounds } from '@relais/core';
import { eraseReporterReports, insertReport, setPartnerStatus } from '@relais/db';
import { runCommand } from '@relais/moderation-ui';
import { createWorkerService, type WorkerService } from '@relais/worker';
import { openDigestQueue, storeDigest, type DigestQueue } from '../support/digest-world.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';
import { reportRow } from '../support/report-rows.ts';
import { waitFor } from '../support/wait-for.ts';
import { partnerRefOf, partnerRefsOf } from '../support/partner-refs.ts';

let s: ModerationStack;
let queue: Queue;
let events: QueueEvents;
let digestQueue: DigestQueue;
let worker: WorkerService | undefined;
const workerLogs = capturedLogger('worker');
const WEEK = '2026-W46';

beforeAll(async () => {
  s = await moderationStack('digestui');
  digestQueue = await openDigestQueue(s.config);
  ({ queue, events } = digestQueue);
});
afterAll(async () => {
  await worker?.close({ deadlineMs: 2_000 });
  await digestQueue?.close();
  await s?.close();
});

/** A digest of `total` reports, all insults, for partner `partnerId`. */
const storeInsultDigest = (partnerId: string, name: string, total: number, isoWeek = WEEK) =>
  storeDigest(s.t.db, { id: partnerId, name }, isoWeek, total, total);

describe('digests in the moderation UI', () => {
  it('a partner reads its own digest archive, never another partner’s', async () => {
    const mine = await s.partner('digest-a', ['34000']);
    const theirs = await s.partner('digest-b', ['30000']);
    await storeInsultDigest(mine, 'Ville A', 7);
    await storeInsultDigest(theirs, 'Ville B', 3);
    await storeInsultDigest(theirs, 'Ville B', 2, '2026-W45');
    const client = await s.signIn(await s.account('partner', mine));
    const list = await client.get('/api/partner/digests');
    expect(list.json.items.map((d: { isoWeek: string }) => d.isoWeek)).toEqual([WEEK]);
    const page = await client.get(`/partner/digests/${WEEK}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<strong>7</strong> signalement(s)');
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
    expect(
      jobs.some((j) => j.name === 'partner-digest' && j.data.partnerId === partner && j.data.isoWeek === WEEK),
    ).toBe(true);
    expect((await admin.post(`/api/admin/partners/${partner}/digests`, { isoWeek: '2099-W01' })).json.error).toBe(
      'WEEK_NOT_OVER',
    );
    expect((await admin.post(`/api/admin/partners/${partner}/digests`, { isoWeek: '2026-W54' })).status).toBe(400);
    await setPartnerStatus(s.t.db, partner, 'suspended');
    expect((await admin.post(`/api/admin/partners/${partner}/digests`, { isoWeek: WEEK })).json.error).toBe(
      'PARTNER_SUSPENDED',
    );
    const audit = await s.t.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'admin.digest_requested')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('the CLI asks for one too', async () => {
    await s.partner('digest-d', ['34090']);
    const out = await runCommand(['digest', 'generate', 'digest-d', WEEK], {
      db: s.t.db,
      keyring: s.keyring,
      digestQueue: async () => queue,
    });
    expect(out).toMatch(/queued/);
    await expect(
      runCommand(['digest', 'generate', 'nobody', WEEK], {
        db: s.t.db,
        keyring: s.keyring,
        digestQueue: async () => queue,
      }),
    ).rejects.toThrow(/no partner with slug nobody/);
  });
});

describe('digests made by a worker without SMTP_URL, read live', () => {
  const LIVE_WEEK = '2026-W47';
  const TEXTS = {
    flagged: 'Récit qui sera signalé par un partenaire',
    erased: 'Récit que la personne effacera',
    kept: 'Récit qui reste publié',
  };
  const live = { a: '', b: '' };
  const ids: Record<keyof typeof TEXTS, string> = { flagged: '', erased: '', kept: '' };
  const references: string[] = [];
  // A reporter key is a keyed hash of the reporter's channel identity (64 hex digits).
  const reporterKey = randomBytes(32).toString('hex');

  beforeAll(async () => {
    // Two partners of the same scope: a flag by one must hide the report from both.
    live.a = await s.partner('live-a', ['34500']);
    live.b = await s.partner('live-b', ['34500']);
    const releasedAt = new Date(weekBounds(LIVE_WEEK).start.getTime() + 34 * 3_600_000);
    for (const key of Object.keys(TEXTS) as (keyof typeof TEXTS)[]) {
      const row = reportRow({
        status: 'done',
        released_at: releasedAt,
        postal_code: '34500',
        anonymised_text: TEXTS[key],
        reporter_key: key === 'erased' ? reporterKey : null,
        occurred_precision: 'day',
        occurred_on: '2024-11-23',
      });
      ids[key] = row.id;
      references.push(row.reference, row.id);
      await insertReport(s.t.db, row);
    }
    expect(s.config.smtpUrl).toBeUndefined();
    worker = await createWorkerService(s.config, workerLogs.logger);
    const job = await queue.add(DIGEST_JOBS.weekly, { v: 1, isoWeek: LIVE_WEEK }, { jobId: 'weekly-live' });
    await job.waitUntilFinished(events, 15_000);
    for (const id of [live.a, live.b]) {
      await waitFor(
        async () =>
          (await (await queue.getJob(partnerDigestJobId(id, LIVE_WEEK)))?.getState()) === 'completed'
            ? true
            : undefined,
        15_000,
        'partner digest',
      );
    }
  });

  it('stores the digests, shows them, and never tries to mail them', async () => {
    const rows = await s.t.db
      .selectFrom('digests')
      .selectAll()
      .where('iso_week', '=', LIVE_WEEK)
      .where('partner_id', 'in', [live.a, live.b])
      .execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({
        email_status: 'not_configured',
        email_attempts: 0,
        emailed_at: null,
        email_error: null,
      });
      // Aggregates only: no text and no reference is kept in the digests table.
      expect(JSON.stringify(row.content)).not.toMatch(new RegExp([...Object.values(TEXTS), ...references].join('|')));
    }
    expect(workerLogs.lines.join('')).not.toContain('digest e-mailed');
    const client = await s.signIn(await s.account('partner', live.a));
    expect((await client.get('/partner/digests')).text).toContain('Non envoyée par e-mail');
    const page = await client.get(`/partner/digests/${LIVE_WEEK}`);
    expect(page.text).toContain('Non envoyée par e-mail');
    expect(page.text).toContain(`href="/api/partner/digests/${LIVE_WEEK}.csv"`);
    for (const text of Object.values(TEXTS)) expect(page.text).toContain(text);
    const api = await client.get(`/api/partner/digests/${LIVE_WEEK}`);
    expect(api.json.emailStatus).toBe('not_configured');
    // The week's reports carry their partner identifiers, never a follow-up reference, an id or the day of the facts.
    const partnerRefs = [...(await partnerRefsOf(s.t.db, Object.values(ids))).values()];
    expect(api.json.reports.map((r: { partnerRef: string }) => r.partnerRef).sort()).toEqual(partnerRefs.sort());
    for (const body of [page.text, api.text]) {
      for (const ref of partnerRefs) expect(body).toContain(ref);
      expect(body).not.toMatch(new RegExp([...references, '2024-11-23'].join('|')));
    }
  });

  it('no longer shows a report flagged or erased since, to any partner, on the page or through the API', async () => {
    const a = await s.signIn(await s.account('partner', live.a));
    const b = await s.signIn(await s.account('partner', live.b));
    expect(
      (
        await a.post(`/api/partner/reports/${await partnerRefOf(s.t.db, ids.flagged)}/flag`, {
          comment: 'le prénom de la victime est resté',
        })
      ).status,
    ).toBe(200);
    expect(await eraseReporterReports(s.t.db, { reporterKey })).toEqual([ids.erased]);
    for (const client of [a, b]) {
      const page = await client.get(`/partner/digests/${LIVE_WEEK}`);
      const api = await client.get(`/api/partner/digests/${LIVE_WEEK}`);
      expect(page.status).toBe(200);
      expect(api.json.reports.map((r: { anonymisedText: string }) => r.anonymisedText)).toEqual([TEXTS.kept]);
      for (const body of [page.text, api.text]) {
        expect(body).toContain(TEXTS.kept);
        expect(body).not.toContain(TEXTS.flagged);
        expect(body).not.toContain(TEXTS.erased);
      }
      expect(JSON.stringify((await client.get('/api/partner/digests')).json)).not.toContain(TEXTS.kept);
    }
  });

  it('exports a digest’s aggregates as CSV: small counts hidden, no text, audited, the partner’s own only', async () => {
    const a = await s.signIn(await s.account('partner', live.a));
    const csv = await a.get(`/api/partner/digests/${LIVE_WEEK}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain(`relais-synthese-${LIVE_WEEK}.csv`);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('section,dimension,code,label,count');
    expect(lines).toContain('"week","total","","Signalements publiés","< 5"'); // 3 reports
    expect(lines).toContain('"week","reporterRole","victim","Victime","< 5"');
    expect(lines).toContain(`"trend","isoWeek","${LIVE_WEEK}","${LIVE_WEEK}","< 5"`);
    expect(csv.text).not.toMatch(new RegExp([...Object.values(TEXTS), ...references].join('|')));
    const audit = await s.t.db
      .selectFrom('audit_events')
      .select(['action', 'partner_id', 'target_id'])
      .where('action', '=', 'partner.digest_exported')
      .execute();
    expect(audit).toEqual([{ action: 'partner.digest_exported', partner_id: live.a, target_id: LIVE_WEEK }]);

    // A week only another partner has a digest of: a 404, audited as a refusal.
    const other = await s.partner('live-c', ['34510']);
    await storeInsultDigest(other, 'Ville C', 9, '2026-W40');
    expect((await a.get('/api/partner/digests/2026-W40.csv')).status).toBe(404);
    const c = await s.signIn(await s.account('partner', other));
    expect((await c.get('/api/partner/digests/2026-W40.csv')).text).toContain(
      '"week","total","","Signalements publiés","9"',
    );
    const denied = await s.t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'authz.denied')
      .where('target_id', '=', '2026-W40')
      .execute();
    expect(denied).toHaveLength(1);
  });

  it('exports the statistics’ aggregates as CSV, with small counts hidden and audited', async () => {
    const a = await s.signIn(await s.account('partner', live.a));
    expect((await a.get('/partner/stats')).text).toContain('href="/api/partner/stats.csv"');
    const csv = await a.get('/api/partner/stats.csv');
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('section,dimension,code,label,count');
    expect(lines).toContain('"stats","total","","Signalements publiés","< 5"'); // the kept report alone
    expect(lines).toContain('"stats","complaint","no","Pas de plainte","< 5"');
    expect(lines).toContain('"stats","postalCode","34500","34500","< 5"');
    expect(csv.text).not.toMatch(new RegExp([...Object.values(TEXTS), ...references].join('|')));
    const audit = await s.t.db
      .selectFrom('audit_events')
      .select(['partner_id'])
      .where('action', '=', 'partner.stats_exported')
      .execute();
    expect(audit).toEqual([{ partner_id: live.a }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSubmission, sealSubmission } from '@relais/core';
import {
  digestFigures,
  insertReport,
  insertReports,
  listDigestWeekReports,
  PARTNER_REPORT_COLUMNS,
  toReportRow,
  withPartnerScope,
} from '@relais/db';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';
import type { ModerationClient } from '../support/moderation-client.ts';
import { reportRow } from '../support/report-rows.ts';
import { submission } from '../support/submissions.ts';
import { partnerRefOf } from '../support/partner-refs.ts';

let s: ModerationStack;
let partnerId: string;
let staff: ModerationClient;
let city: ModerationClient;

const tags = {
  tunnel: null,
  commune: 'Montpellier',
  departement: '34',
  priority: 2,
  categories: ['in_danger'],
  piiFindings: [],
  textFingerprint: null,
} as const;

const released = { status: 'done' as const, released_at: new Date(), anonymised_text: 'Insultes à la sortie du tram.' };

beforeAll(async () => {
  s = await moderationStack('danger-reason');
  partnerId = await s.partner('montpellier', ['34000'], []);
  staff = await s.signIn(await s.account('moderator'));
  city = await s.signIn(await s.account('partner', partnerId));
});
afterAll(async () => s?.close());

describe('why a report was marked in danger', () => {
  it('travels sealed in the intake job, and a job sealed before the field existed still opens', () => {
    const withReason = submission({ inDanger: true, dangerReason: { at: 'story', via: 'words' } });
    expect(openSubmission(s.keyring, sealSubmission(s.keyring, withReason)).dangerReason).toEqual({
      at: 'story',
      via: 'words',
    });
    const older = submission({ inDanger: true });
    expect('dangerReason' in older).toBe(false);
    expect(openSubmission(s.keyring, sealSubmission(s.keyring, older))).toMatchObject({ inDanger: true });
  });

  it('is stored as two codes, nothing for an older submission, and the database refuses a reason without danger', async () => {
    const marked = submission({ inDanger: true, dangerReason: { at: 'acts', via: 'button' } });
    const older = submission({ inDanger: true });
    await insertReports(s.t.db, [toReportRow(marked, tags, s.keyring), toReportRow(older, tags, s.keyring)]);
    const rows = await s.t.db
      .selectFrom('reports')
      .select(['id', 'in_danger', 'danger_at', 'danger_via'])
      .where('id', 'in', [marked.id, older.id])
      .execute();
    expect(rows.find((r) => r.id === marked.id)).toMatchObject({
      in_danger: true,
      danger_at: 'acts',
      danger_via: 'button',
    });
    expect(rows.find((r) => r.id === older.id)).toMatchObject({ in_danger: true, danger_at: null, danger_via: null });
    await expect(insertReport(s.t.db, reportRow({ danger_at: 'acts', danger_via: 'words' }))).rejects.toThrow(
      /reports_danger_reason_check/,
    );
  });

  it('shows staff a short French label on the report page and in its JSON, nothing for an older report', async () => {
    const marked = submission({ inDanger: true, dangerReason: { at: 'story', via: 'words' } });
    const command = submission({ inDanger: true, dangerReason: { at: 'idle', via: 'command' } });
    const older = submission({ inDanger: true });
    await insertReports(
      s.t.db,
      [marked, command, older].map((x) => toReportRow(x, tags, s.keyring)),
    );
    const page = await staff.get(`/staff/reports/${marked.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Pourquoi « en danger »');
    expect(page.text).toContain('Mots de danger dans un message, pendant le récit');
    expect((await staff.get(`/staff/reports/${command.id}`)).text).toContain(
      'Commande /urgence, avant le début du signalement',
    );
    const olderPage = await staff.get(`/staff/reports/${older.id}`);
    expect(olderPage.status).toBe(200);
    expect(olderPage.text).not.toContain('Pourquoi « en danger »');
    expect((await staff.get(`/api/staff/reports/${marked.id}`)).json).toMatchObject({
      inDanger: true,
      dangerReason: { at: 'story', via: 'words' },
    });
    expect((await staff.get(`/api/staff/reports/${older.id}`)).json.dangerReason).toBeNull();
  });

  it('never reaches partners: no grant on the columns, nothing in their pages, JSON, CSV or stats', async () => {
    expect(PARTNER_REPORT_COLUMNS).not.toContain('danger_at');
    expect(PARTNER_REPORT_COLUMNS).not.toContain('danger_via');
    for (const column of ['danger_at', 'danger_via'] as const) {
      await expect(
        withPartnerScope(s.t.db, partnerId, (trx) => trx.selectFrom('reports').select(column).execute()),
      ).rejects.toThrow(/permission denied/);
    }
    // As intake stores it: the in-danger category (partners get categories), and the reason.
    const row = reportRow({
      ...released,
      in_danger: true,
      categories: ['in_danger', 'insult'],
      danger_at: 'story',
      danger_via: 'button',
    });
    await insertReport(s.t.db, row);
    const ref = await partnerRefOf(s.t.db, row.id);
    const list = await city.get('/api/partner/reports');
    expect(list.status).toBe(200);
    expect(list.json.items.map((i: { partnerRef: string }) => i.partnerRef)).toContain(ref);
    for (const path of [
      '/api/partner/reports',
      `/api/partner/reports/${ref}`,
      '/api/partner/reports.csv',
      '/api/partner/stats',
      '/partner',
      '/partner/stats',
      `/partner/reports/${ref}`,
    ]) {
      const r = await city.get(path);
      expect(r.status, path).toBe(200);
      expect(r.text, path).not.toMatch(
        /danger_|dangerReason|Pourquoi « en danger »|Bouton « Urgence »|pendant le récit/,
      );
    }
    // The weekly digest reads as the partner too: its rows and figures count the report, without the reason.
    const week = { start: new Date(Date.now() - 86_400_000), end: new Date(Date.now() + 86_400_000) };
    const digestRows = await listDigestWeekReports(s.t.db, partnerId, week);
    expect(digestRows.map((r) => r.partnerRef)).toContain(ref);
    const figures = await digestFigures(s.t.db, partnerId, {
      historyStart: new Date(0),
      weekStart: week.start,
      weekEnd: week.end,
    });
    expect(figures.week.total).toBeGreaterThan(0);
    expect(JSON.stringify([digestRows, figures.week, figures.history])).not.toMatch(
      /danger_at|danger_via|dangerReason|story|button/,
    );
  });
});

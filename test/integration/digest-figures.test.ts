import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigestContent, publishDigest, weekBounds, addWeeks, DIGEST_HISTORY_WEEKS } from '@relais/core';
import {
  createPartner,
  digestFigures,
  insertReport,
  listDigestWeekReports,
  migrateDown,
  migrateToLatest,
  type NewReportRow,
} from '@relais/db';
import { createTestDatabase, type TestDatabase } from '@relais/db/testing';
import { reportRow } from '../support/report-rows.ts';
import { testConfig } from '../support/test-config.ts';

let t: TestDatabase;
let partnerId: string;
const WEEK = '2026-W46'; // Monday 9 to Sunday 15 November 2026, Paris time

const done = (releasedAt: string, overrides: Partial<NewReportRow> = {}) =>
  reportRow({ status: 'done', released_at: new Date(releasedAt), anonymised_text: 'Texte anonymisé.', ...overrides });

beforeAll(async () => {
  t = await createTestDatabase(testConfig().databaseUrl, 'digest');
  partnerId = (
    await createPartner(t.db, {
      slug: 'montpellier',
      name: 'Ville de Montpellier',
      scope: [
        { tunnels: [], postalCodes: ['34000', '34070'] },
        { tunnels: ['montpellier'], postalCodes: [] },
      ],
    })
  ).id;
  const rows = [
    done('2026-11-10T10:00:00Z', {
      postal_code: '34000',
      act_types: ['insult', 'threat'],
      motives: ['gayphobia'],
      place_type: 'street',
      reporter_role: 'victim',
      complaint: 'no',
    }),
    done('2026-11-12T18:00:00Z', {
      postal_code: '75010',
      tunnel: 'montpellier',
      act_types: ['physical_violence'],
      motives: ['transphobia'],
      place_type: 'public_transport',
      reporter_role: 'witness',
      complaint: 'filed',
    }),
    // Sunday 23:30 in Paris: still this week.
    done('2026-11-15T22:30:00Z', {
      postal_code: '34070',
      act_types: ['insult'],
      motives: ['unknown'],
      place_type: 'street',
      reporter_role: 'victim',
      complaint: 'intends_to',
    }),
    // Monday 00:30 in Paris: next week, counts nowhere here.
    done('2026-11-15T23:30:00Z', { postal_code: '34000' }),
    // Out of scope, unreleased, flagged back to review, erased: never count.
    done('2026-11-11T10:00:00Z', { postal_code: '31000' }),
    reportRow({ postal_code: '34000' }),
    reportRow({ postal_code: '34000', status: 'in_review', released_at: new Date('2026-11-11T10:00:00Z') }),
    reportRow({
      postal_code: '34000',
      status: 'erased',
      released_at: new Date('2026-11-11T10:00:00Z'),
      description_enc: null,
    }),
    // Six weeks before: history. Twenty weeks before: too old.
    done('2026-10-20T10:00:00Z', {
      postal_code: '34000',
      act_types: ['insult'],
      motives: [],
      place_type: 'online',
      reporter_role: 'victim',
      complaint: 'no',
    }),
    done('2026-07-01T10:00:00Z', { postal_code: '34000' }),
  ];
  for (const row of rows) await insertReport(t.db, row);
});
afterAll(async () => t?.drop());

async function digest() {
  const bounds = weekBounds(WEEK);
  const figures = await digestFigures(t.db, partnerId, {
    historyStart: weekBounds(addWeeks(WEEK, -DIGEST_HISTORY_WEEKS)).start,
    weekStart: bounds.start,
    weekEnd: bounds.end,
  });
  return buildDigestContent({ isoWeek: WEEK, partner: { id: partnerId, name: 'Ville de Montpellier' }, ...figures });
}

describe('digest figures', () => {
  it('count exactly the in-scope reports released during the week, by every dimension', async () => {
    const content = await digest();
    expect(content.period).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(content.week.total).toBe(3);
    expect(content.week.by).toEqual({
      actType: { insult: 2, threat: 1, physical_violence: 1 },
      motive: { gayphobia: 1, transphobia: 1, unknown: 1 },
      placeType: { street: 2, public_transport: 1 },
      reporterRole: { victim: 2, witness: 1 },
      complaint: { no: 1, filed: 1, intends_to: 1 },
      postalCode: { '34000': 1, '75010': 1, '34070': 1 },
    });
    expect(JSON.stringify(content)).not.toContain('Texte anonymisé');
  });

  it('list the week’s reports live, only those the partner still sees', async () => {
    const reports = await listDigestWeekReports(t.db, partnerId, weekBounds(WEEK));
    expect(reports.map((r) => r.postalCode).sort()).toEqual(['34000', '34070', '75010']);
    expect(reports.every((r) => r.anonymisedText === 'Texte anonymisé.')).toBe(true);
  });

  it('count the 12 previous weeks apart, and trace a 13-week trend with empty weeks', async () => {
    const content = await digest();
    expect(content.previous12Weeks.total).toBe(1);
    expect(content.previous12Weeks.by.placeType).toEqual({ online: 1 });
    expect(content.trend).toHaveLength(13);
    expect(content.trend[0]).toEqual({ isoWeek: '2026-W34', total: 0 });
    expect(content.trend.find((w) => w.isoWeek === '2026-W43')).toEqual({ isoWeek: '2026-W43', total: 1 });
    expect(content.trend.at(-1)).toEqual({ isoWeek: WEEK, total: 3 });
    expect(content.trend.reduce((s, w) => s + w.total, 0)).toBe(4);
  });

  it('publish nothing below the threshold and no report text', async () => {
    const published = publishDigest(await digest(), 5);
    expect(published.week.total).toBe('< 5');
    expect(published.week.by.reporterRole.cells).toEqual({ victim: '< 5', witness: '< 5' });
    expect(JSON.stringify(published)).not.toContain('Texte anonymisé');
    expect(JSON.stringify(published)).not.toMatch(/"reference"/);
    const lenient = publishDigest(await digest(), 2);
    // witness (1) alone would be total minus victim: victim is hidden with it.
    expect(lenient.week.by.reporterRole.cells).toEqual({ victim: '< 2', witness: '< 2' });
    // Three motives of 1 under a total of 3 could only be 1 each: the total is hidden too, in
    // every table that shows it, and in the trend whose last week it is.
    expect(lenient.week.by.motive).toEqual({
      cells: { gayphobia: '< 2', transphobia: '< 2', unknown: '< 2' },
      total: '< 2',
    });
    expect(lenient.week.total).toBe('< 2');
    expect(lenient.trend.cells[WEEK]).toBe('< 2');
  });

  it('scrub the report texts that version-1 digests stored, keeping their figures', async () => {
    const m = await createTestDatabase(testConfig().databaseUrl, 'digestscrub');
    try {
      let reverted: string[] = [];
      while (!reverted.includes('2026-12-01-40-digest-aggregates-only')) {
        reverted = await migrateDown(m.url);
        if (reverted.length === 0) throw new Error('migration 2026-12-01-40-digest-aggregates-only never reverted');
      }
      const partner = await createPartner(m.db, {
        slug: 'old',
        name: 'Ville',
        scope: [{ tunnels: [], postalCodes: ['34000'] }],
      });
      const old = {
        v: 1,
        isoWeek: WEEK,
        week: { total: 1 },
        reports: [{ reference: 'K7QF-M3XA', anonymisedText: 'Texte gardé par erreur' }],
      };
      await m.db
        .insertInto('digests')
        .values({ partner_id: partner.id, iso_week: WEEK, period_start: '2026-11-09', content: JSON.stringify(old) })
        .execute();
      await migrateToLatest(m.url);
      const row = await m.db.selectFrom('digests').select('content').executeTakeFirstOrThrow();
      expect(row.content).toEqual({ v: 2, isoWeek: WEEK, week: { total: 1 } });
    } finally {
      await m.drop();
    }
  });
});

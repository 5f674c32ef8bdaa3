import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReport } from '@relais/db';
import { reportRow } from '../support/report-rows.ts';
import { moderationStack, type ModerationStack } from '../support/moderation-stack.ts';

let stack: ModerationStack;

beforeAll(async () => {
  stack = await moderationStack('refsearch');
});

afterAll(async () => {
  await stack?.close();
});

describe('finding reports by receipt reference', () => {
  it('finds the reports a reporter quotes, whatever their status, typed loosely, and refuses what cannot be a reference', async () => {
    const waiting = reportRow({ reference: 'K7QF-M3XA' });
    const closed = reportRow({
      reference: 'TTAC-4WXY',
      status: 'rejected',
      rejected_at: new Date(),
      reject_reason: 'test',
    });
    const other = reportRow({ reference: 'HJKM-NPQR' });
    for (const row of [waiting, closed, other]) await insertReport(stack.t.db, row);
    const moderator = await stack.signIn(await stack.account('moderator'));

    const found = await moderator.get('/api/reports?reference=k7qf%20m3xa,TTAC-4WXY');
    expect(found.status).toBe(200);
    expect((found.json.items as { reference: string }[]).map((r) => r.reference).sort()).toEqual([
      'K7QF-M3XA',
      'TTAC-4WXY',
    ]);

    const onlyOpen = await moderator.get('/api/staff/queue?reference=K7QF-M3XA,TTAC-4WXY&status=received');
    expect((onlyOpen.json.items as { reference: string }[]).map((r) => r.reference)).toEqual(['K7QF-M3XA']);

    const page = await moderator.get('/staff?reference=K7QF-M3XA');
    expect(page.text).toContain('K7QF-M3XA');
    expect(page.text).not.toContain('HJKM-NPQR');

    for (const bad of [
      'K7QF',
      'K7QF-M3XA;DROP',
      'O0O0-1111',
      Array.from({ length: 201 }, () => 'K7QF-M3XA').join(','),
    ]) {
      expect((await moderator.get(`/api/reports?reference=${encodeURIComponent(bad)}`)).status).toBe(400);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { ReportSubmission } from '../report/report-submission.js';
import { PRIORITY, reportPriority } from './report-priority.js';

const now = new Date('2026-11-22T12:00:00Z');
const base: ReportSubmission = {
  v: 1,
  id: '7d1f2c9e-4b1a-4c2e-9f0a-1b2c3d4e5f60',
  reference: 'K7QF-M3XA',
  channel: 'telegram',
  tunnel: null,
  lang: 'fr',
  submittedAt: now.toISOString(),
  reporterRole: 'victim',
  actTypes: ['insult'],
  motives: [],
  occurred: { precision: 'month', month: '2026-09' },
  location: { kind: 'online' },
  placeType: null,
  description: '',
  complaint: null,
  contact: null,
  reporterKey: null,
  inDanger: false,
  minorInvolved: false,
};

describe('reportPriority', () => {
  it('is normal for an old insult', () => expect(reportPriority(base, now)).toBe(PRIORITY.normal));
  it('is high for physical violence, a minor, or facts of the last 48 hours', () => {
    expect(reportPriority({ ...base, actTypes: ['physical_violence'] }, now)).toBe(PRIORITY.high);
    expect(reportPriority({ ...base, minorInvolved: true }, now)).toBe(PRIORITY.high);
    expect(reportPriority({ ...base, occurred: { precision: 'day', date: '2026-11-21' } }, now)).toBe(PRIORITY.high);
    expect(reportPriority({ ...base, occurred: { precision: 'day', date: '2026-11-01' } }, now)).toBe(PRIORITY.normal);
  });
  it('is urgent when the person is still in danger, or a minor suffered violence', () => {
    expect(reportPriority({ ...base, inDanger: true }, now)).toBe(PRIORITY.urgent);
    expect(reportPriority({ ...base, minorInvolved: true, actTypes: ['sexual_violence'] }, now)).toBe(PRIORITY.urgent);
  });
});

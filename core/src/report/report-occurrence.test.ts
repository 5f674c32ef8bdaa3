import { describe, expect, it } from 'vitest';
import { reportOccurrence } from './report-submission.js';

describe('reportOccurrence', () => {
  it('keeps the time of day when one was given, and still reads a day without one', () => {
    expect(reportOccurrence.parse({ precision: 'day', date: '2026-11-21', time: '22:00' })).toEqual({
      precision: 'day',
      date: '2026-11-21',
      time: '22:00',
    });
    expect(reportOccurrence.parse({ precision: 'day', date: '2026-11-21' })).toEqual({
      precision: 'day',
      date: '2026-11-21',
    });
  });

  it('refuses a time that is no time of day', () => {
    for (const time of ['24:00', '22h', '9:00', '22:60'])
      expect(reportOccurrence.safeParse({ precision: 'day', date: '2026-11-21', time }).success, time).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { addWeeks, isoWeekOf, isoWeekOfDate, mondayOf, previousIsoWeek, weekBounds } from './iso-week.js';

describe('ISO weeks in Paris time', () => {
  it('names weeks like ISO 8601, across year ends', () => {
    expect(isoWeekOfDate('2026-11-22')).toBe('2026-W47');
    expect(isoWeekOfDate('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOfDate('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOfDate('2025-12-29')).toBe('2026-W01');
    expect(mondayOf('2026-W01')).toBe('2025-12-29');
    expect(addWeeks('2026-W01', -1)).toBe('2025-W52');
  });

  it('starts a week at Monday midnight in Paris, summer and winter', () => {
    expect(weekBounds('2026-W48')).toEqual({
      start: new Date('2026-11-22T23:00:00Z'),
      end: new Date('2026-11-29T23:00:00Z'),
    });
    // The week of the switch to winter time is 169 hours long.
    const { start, end } = weekBounds('2026-W43');
    expect(start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(169);
  });

  it('puts Sunday 23:30 Paris in the week that ends, Monday 00:30 in the next', () => {
    expect(isoWeekOf(new Date('2026-11-22T22:30:00Z'))).toBe('2026-W47');
    expect(isoWeekOf(new Date('2026-11-22T23:30:00Z'))).toBe('2026-W48');
  });

  it('gives Monday 08:00 the week just finished', () => {
    expect(previousIsoWeek(new Date('2026-11-23T07:00:00Z'))).toBe('2026-W47');
  });

  it('refuses weeks that do not exist', () => {
    expect(() => mondayOf('2026-W54')).toThrow(RangeError);
    expect(() => mondayOf('2025-W53')).toThrow(/does not exist/);
    expect(() => mondayOf('week 3')).toThrow(/expected e.g. 2026-W47/);
  });
});

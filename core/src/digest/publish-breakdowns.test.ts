import { describe, expect, it } from 'vitest';
import { publishBreakdownSet } from './publish-breakdowns.js';
import { DEFAULT_SMALL_COUNT_THRESHOLD, type PublishedBreakdown } from './small-counts.js';

/** One breakdown of `total` reports published alone: the one-table case of the set. */
function publishOne(
  cells: Readonly<Record<string, number>>,
  total: number,
  threshold = DEFAULT_SMALL_COUNT_THRESHOLD,
): PublishedBreakdown {
  return publishBreakdownSet(total, { only: cells }, threshold).tables.only!;
}

describe('publishBreakdownSet, one breakdown', () => {
  it('publishes counts at or above the threshold as they are', () => {
    expect(publishOne({ a: 5, b: 12, c: 0 }, 17)).toEqual({ cells: { a: 5, b: 12, c: 0 }, total: 17 });
  });

  it('hides a small cell and, so the total cannot give it away, the next smallest one', () => {
    expect(publishOne({ street: 3, transport: 9, bar: 20 }, 32)).toEqual({
      cells: { street: '< 5', transport: '< 5', bar: 20 },
      total: 32,
    });
  });

  it('hides the total when the small cell is the only non-zero one', () => {
    expect(publishOne({ victim: 0, witness: 7, unknown: 2 }, 9).cells).toEqual({
      victim: 0,
      witness: '< 5',
      unknown: '< 5',
    });
    expect(publishOne({ victim: 2, witness: 0 }, 2)).toEqual({ cells: { victim: '< 5', witness: 0 }, total: '< 5' });
  });

  it('needs no complement when two cells are already hidden', () => {
    expect(publishOne({ a: 1, b: 2, c: 30 }, 33)).toEqual({ cells: { a: '< 5', b: '< 5', c: 30 }, total: 33 });
  });

  it('hides a third cell when the two hidden ones could only be 1 and 1', () => {
    expect(publishOne({ a: 1, b: 1, c: 30 }, 32).cells).toEqual({ a: '< 5', b: '< 5', c: '< 5' });
    // Two hidden cells of 4 and 4 shown as "< 5" with a difference of 8 could only be 4 and 4.
    expect(publishOne({ a: 4, b: 4, c: 30 }, 38).cells).toEqual({ a: '< 5', b: '< 5', c: '< 5' });
  });

  it('honours a configured threshold', () => {
    expect(publishOne({ a: 9, b: 11 }, 20, 10).cells).toEqual({ a: '< 10', b: '< 10' });
  });

  it('never lets a hidden cell be recomputed from the published figures', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 48_271) % 2_147_483_647), seed % n);
    for (let i = 0; i < 2_000; i++) {
      const cells: Record<string, number> = {};
      for (const k of ['a', 'b', 'c', 'd'].slice(0, 1 + rand(4))) cells[k] = rand(3) === 0 ? 0 : rand(12);
      const total = Object.values(cells).reduce((s, v) => s + v, 0);
      const out = publishOne(cells, total);
      const hidden = Object.keys(cells).filter((k) => typeof out.cells[k] === 'string');
      if (hidden.length === 1) expect(typeof out.total).toBe('string');
    }
  });
});

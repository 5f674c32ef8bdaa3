import { describe, expect, it } from 'vitest';
import { DIGEST_DIMENSIONS, type Breakdowns, type DigestContent } from './digest-content.js';
import { addWeeks } from './iso-week.js';
import { publishBreakdownSet } from './publish-breakdowns.js';
import { publishDigest, type PublishedDigest } from './publish-digest.js';
import { flatBreakdowns } from '../testing/digest-breakdowns.js';

const WEEK = '2026-W46';
const WEEKS = Array.from({ length: 13 }, (_, i) => addWeeks(WEEK, i - 12)); // W34 … W46

const flat = flatBreakdowns;

function content(week: Breakdowns, previous: Breakdowns, trend: readonly number[]): DigestContent {
  return {
    v: 2,
    isoWeek: WEEK,
    period: { from: '2026-11-09', to: '2026-11-15' },
    partner: { id: 'p', name: 'Ville' },
    week,
    previous12Weeks: previous,
    trend: WEEKS.map((isoWeek, i) => ({ isoWeek, total: trend[i]! })),
  };
}

/**
 * A reader with the published digest only, who knows how its tables add up, solves by subtraction
 * every relation with one unknown, and every relation whose unknowns (each `< 5`, never 0) have a
 * sum that only one split fits. Returns what it recovered.
 */
function attack(p: PublishedDigest, threshold = 5): Map<string, number> {
  const known = new Map<string, number>();
  const hidden: string[] = [];
  const add = (id: string, v: number | string) => (typeof v === 'number' ? known.set(id, v) : hidden.push(id));
  const relations: { total: string; parts: string[] }[] = [];
  for (const period of ['week', 'previous12Weeks'] as const) {
    add(`${period}.total`, p[period].total);
    for (const d of DIGEST_DIMENSIONS) {
      const cells = Object.entries(p[period].by[d].cells);
      for (const [k, v] of cells) add(`${period}.${d}.${k}`, v);
      relations.push({ total: `${period}.total`, parts: cells.map(([k]) => `${period}.${d}.${k}`) });
    }
  }
  const weeks = Object.entries(p.trend.cells);
  for (const [w, v] of weeks) add(`trend.${w}`, v);
  add('trend.total', p.trend.total);
  relations.push({ total: 'trend.total', parts: weeks.map(([w]) => `trend.${w}`) });
  relations.push({ total: `trend.${p.isoWeek}`, parts: ['week.total'] });
  relations.push({
    total: 'previous12Weeks.total',
    parts: weeks.filter(([w]) => w !== p.isoWeek).map(([w]) => `trend.${w}`),
  });
  const initiallyKnown = new Set(known.keys());
  for (let progress = true; progress;) {
    progress = false;
    for (const r of relations) {
      const unknown = [r.total, ...r.parts].filter((id) => !known.has(id));
      if (unknown.length === 1) {
        const [u] = unknown as [string];
        const parts = r.parts.reduce((s, id) => s + (known.get(id) ?? 0), 0);
        known.set(u, u === r.total ? parts : known.get(r.total)! - (parts - 0));
        progress = true;
      } else if (unknown.length > 1 && known.has(r.total)) {
        const rest = known.get(r.total)! - r.parts.reduce((s, id) => s + (known.get(id) ?? 0), 0);
        const pinned =
          rest === unknown.length ? 1 : rest === unknown.length * (threshold - 1) ? threshold - 1 : undefined;
        if (pinned !== undefined) {
          for (const u of unknown) known.set(u, pinned);
          progress = true;
        }
      }
    }
  }
  return new Map([...known].filter(([id]) => !initiallyKnown.has(id) && hidden.includes(id)));
}

describe('publishDigest', () => {
  it('keeps a hidden week of the trend hidden when the e-mail prints the week and 12-week totals', () => {
    // 2026-W40 has 2 reports. The week (W46) has 6, the 12 weeks before 44. Before, the trend was
    // suppressed alone: W46 (its smallest other week) was hidden as W40's complement, but the
    // e-mail prints the week's total, 6, and the 12 weeks' total, 44: W40 = 44 − 8 − 9 − 7 − 18 = 2.
    //          W34 W35 W36 W37 W38 W39 W40 W41 W42 W43 W44 W45 W46
    const trend = [8, 0, 9, 7, 0, 0, 2, 0, 0, 0, 18, 0, 6];
    const published = publishDigest(content(flat(6), flat(44), trend), 5);
    expect(published.week.total).toBe(6);
    expect(published.previous12Weeks.total).toBe(44);
    expect(published.trend.total).toBe(50);
    // W46 is the week's total, printed anyway: W40 is hidden with the smallest other of the 12
    // weeks (W37, 7): W40 + W37 = 9, and 1 + 8, 2 + 7, 3 + 6, 4 + 5 all fit.
    expect(published.trend.cells).toEqual({
      '2026-W34': 8,
      '2026-W35': 0,
      '2026-W36': 9,
      '2026-W37': '< 5',
      '2026-W38': 0,
      '2026-W39': 0,
      '2026-W40': '< 5',
      '2026-W41': 0,
      '2026-W42': 0,
      '2026-W43': 0,
      '2026-W44': 18,
      '2026-W45': 0,
      '2026-W46': 6,
    });
    expect(attack(published)).toEqual(new Map());
  });

  it('hides the trend’s last week and its total with a small week total, so 13-week total − 12-week total gives nothing', () => {
    const trend = [5, 0, 6, 5, 7, 5, 6, 5, 0, 0, 9, 0, 3];
    const published = publishDigest(content(flat(3), flat(48), trend), 5);
    expect(published.week.total).toBe('< 5');
    expect(published.week.by.reporterRole.cells).toEqual({ victim: '< 5' });
    expect(published.trend.cells['2026-W46']).toBe('< 5');
    expect(published.trend.total).toBe('< 5'); // 51 − 48 would be the week's 3
    expect(published.previous12Weeks.total).toBe(48);
    expect(Object.values(published.trend.cells).filter((v) => typeof v === 'string')).toHaveLength(1);
    expect(attack(published)).toEqual(new Map());
  });

  it('hides a total everywhere it appears once one table had to hide it', () => {
    // witness 1 alone: the complement inside the breakdown is the total (victim is 0).
    const week: Breakdowns = { ...flat(7), by: { ...flat(7).by, reporterRole: { victim: 6, witness: 1 } } };
    const published = publishDigest(content(week, flat(0), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7]), 5);
    expect(published.week.by.reporterRole.cells).toEqual({ victim: '< 5', witness: '< 5' });
    expect(published.week.total).toBe(7);
    expect(attack(published)).toEqual(new Map());
  });

  it('does not let two hidden cells be pinned when only one split fits their sum', () => {
    // 1 + 1 = 2 hidden together would both be 1: a third cell is hidden with them.
    const week: Breakdowns = { ...flat(32), by: { ...flat(32).by, placeType: { street: 1, bar: 1, online: 30 } } };
    const published = publishDigest(content(week, flat(0), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 32]), 5);
    expect(published.week.by.placeType.cells).toEqual({ street: '< 5', bar: '< 5', online: '< 5' });
    expect(attack(published)).toEqual(new Map());
  });

  it('never lets a reader recover a hidden figure from any published table (random digests)', () => {
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 48_271) % 2_147_483_647), seed % n);
    const split = (total: number, keys: string[]) => {
      const out: Record<string, number> = {};
      let left = total;
      keys.forEach((k, i) => {
        const n = i === keys.length - 1 ? left : rand(left + 1);
        out[k] = n;
        left -= n;
      });
      return out;
    };
    const breakdowns = (total: number): Breakdowns => ({
      total,
      by: Object.fromEntries(
        DIGEST_DIMENSIONS.map((d) => [d, split(total, ['a', 'b', 'c', 'd'].slice(0, 1 + rand(4)))]),
      ) as Breakdowns['by'],
    });
    for (let i = 0; i < 400; i++) {
      const trend = WEEKS.map(() => (rand(3) === 0 ? 0 : rand(14)));
      const previous = trend.slice(0, 12).reduce((s, n) => s + n, 0);
      const published = publishDigest(content(breakdowns(trend[12]!), breakdowns(previous), trend), 5);
      expect(attack(published)).toEqual(new Map());
      expect(published.trend.cells[WEEK]).toEqual(
        typeof published.week.total === 'number' ? published.week.total : '< 5',
      );
    }
  });
});

describe('publishBreakdownSet', () => {
  it('hides the shared total everywhere, and a cell another table would give away', () => {
    // victim 6 / witness 1: witness is hidden with victim; the month table alone has nothing small.
    const out = publishBreakdownSet(7, { role: { victim: 6, witness: 1 }, month: { '2026-10': 7 } }, 5);
    expect(out.tables.role!.cells).toEqual({ victim: '< 5', witness: '< 5' });
    expect(out.total).toBe(7);
    expect(out.tables.month!.cells).toEqual({ '2026-10': 7 });
    // A total of 3 is hidden in every table, and so is each table's only cell.
    const small = publishBreakdownSet(3, { role: { victim: 3 }, month: { '2026-10': 2, '2026-11': 1 } }, 5);
    expect(small).toEqual({
      total: '< 5',
      tables: {
        role: { cells: { victim: '< 5' }, total: '< 5' },
        month: { cells: { '2026-10': '< 5', '2026-11': '< 5' }, total: '< 5' },
      },
    });
  });
});

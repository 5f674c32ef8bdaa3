import { DIGEST_DIMENSIONS, type Breakdowns, type DigestContent, type DigestDimension } from './digest-content.js';
import { suppressLinkedCounts, type FigureRelation } from './linked-suppression.js';
import type { PublishedCount } from './published-count.js';
import type { PublishedBreakdown } from './small-counts.js';

/** Breakdowns as they may leave the UI: every dimension with small counts suppressed. */
export interface PublishedBreakdowns {
  readonly total: PublishedCount;
  readonly by: Readonly<Record<DigestDimension, PublishedBreakdown>>;
}

/**
 * A digest as it may leave the UI (e-mail, CSV): aggregates only, every small count suppressed
 * (with complementary suppression across all its tables), and no report, reference or text at all.
 */
export interface PublishedDigest {
  readonly isoWeek: string;
  readonly period: DigestContent['period'];
  readonly partnerName: string;
  readonly week: PublishedBreakdowns;
  readonly previous12Weeks: PublishedBreakdowns;
  readonly trend: PublishedBreakdown;
  readonly threshold: number;
}

const id = (...parts: string[]) => parts.join('\u001f');
const PERIODS = { week: 'week', previous12Weeks: 'previous12Weeks' } as const;

/**
 * Derives the publishable digest from its stored content. Every figure it publishes is one
 * unknown of one system: the week's total is also the trend's last week and the total of each of
 * the week's breakdowns; the previous 12 weeks' total is the sum of the trend's first 12 weeks and
 * the total of each of their breakdowns; the trend's total is the sum of its 13 weeks. Small
 * counts are suppressed over that whole system ({@link suppressLinkedCounts}), so no hidden
 * figure can be recomputed from another table (e.g. a hidden week of the trend from the
 * 12-week total printed in the e-mail).
 */
export function publishDigest(content: DigestContent, threshold: number): PublishedDigest {
  const values: Record<string, number> = {};
  const relations: FigureRelation[] = [];
  for (const [period, key] of Object.entries(PERIODS)) {
    const b: Breakdowns = content[key];
    values[id(period, 'total')] = b.total;
    for (const dimension of DIGEST_DIMENSIONS) {
      const cells = Object.keys(b.by[dimension]);
      for (const k of cells) values[id(period, dimension, k)] = b.by[dimension][k]!;
      relations.push({ total: id(period, 'total'), parts: cells.map((k) => id(period, dimension, k)) });
    }
  }
  const weeks = content.trend.map((w) => w.isoWeek);
  for (const w of content.trend) values[id('trend', w.isoWeek)] = w.total;
  values[id('trend', 'total')] = content.trend.reduce((sum, w) => sum + w.total, 0);
  relations.push(
    { total: id('trend', 'total'), parts: weeks.map((w) => id('trend', w)) },
    { total: id('trend', content.isoWeek), parts: [id(PERIODS.week, 'total')] },
    {
      total: id(PERIODS.previous12Weeks, 'total'),
      parts: weeks.filter((w) => w !== content.isoWeek).map((w) => id('trend', w)),
    },
  );
  const out = suppressLinkedCounts(values, relations, threshold);
  const breakdowns = (period: string): PublishedBreakdowns => {
    const by = {} as Record<DigestDimension, PublishedBreakdown>;
    for (const dimension of DIGEST_DIMENSIONS) {
      const source = content[period as keyof typeof PERIODS].by[dimension];
      by[dimension] = {
        cells: Object.fromEntries(Object.keys(source).map((k) => [k, out[id(period, dimension, k)]!])),
        total: out[id(period, 'total')]!,
      };
    }
    return { total: out[id(period, 'total')]!, by };
  };
  return {
    isoWeek: content.isoWeek,
    period: content.period,
    partnerName: content.partner.name,
    week: breakdowns(PERIODS.week),
    previous12Weeks: breakdowns(PERIODS.previous12Weeks),
    trend: {
      cells: Object.fromEntries(weeks.map((w) => [w, out[id('trend', w)]!])),
      total: out[id('trend', 'total')]!,
    },
    threshold,
  };
}

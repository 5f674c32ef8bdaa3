import { DIGEST_DIMENSIONS, type Breakdowns, type DigestContent, type DigestDimension } from './digest-content.js';
import { suppressSmallCounts, type PublishedBreakdown, type PublishedCount } from './small-counts.js';

/** Breakdowns as they may leave the UI: every dimension with small counts suppressed. */
export interface PublishedBreakdowns {
  readonly total: PublishedCount;
  readonly by: Readonly<Record<DigestDimension, PublishedBreakdown>>;
}

/**
 * A digest as it may leave the UI (e-mail, CSV): aggregates only, every small count suppressed
 * (with complementary suppression), and no report, reference or text at all.
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

function publishBreakdowns(b: Breakdowns, threshold: number): PublishedBreakdowns {
  const by = {} as Record<DigestDimension, PublishedBreakdown>;
  let total: PublishedCount = b.total;
  for (const dimension of DIGEST_DIMENSIONS) {
    by[dimension] = suppressSmallCounts(b.by[dimension], b.total, threshold);
    // If one dimension had to hide the total, it is hidden everywhere.
    if (typeof by[dimension].total === 'string') total = by[dimension].total;
  }
  if (b.total > 0 && b.total < threshold) total = `< ${threshold}`;
  return { total, by };
}

/** Derives the publishable digest from its stored content. */
export function publishDigest(content: DigestContent, threshold: number): PublishedDigest {
  const trendCells = Object.fromEntries(content.trend.map((w) => [w.isoWeek, w.total]));
  const trendTotal = content.trend.reduce((sum, w) => sum + w.total, 0);
  return {
    isoWeek: content.isoWeek,
    period: content.period,
    partnerName: content.partner.name,
    week: publishBreakdowns(content.week, threshold),
    previous12Weeks: publishBreakdowns(content.previous12Weeks, threshold),
    trend: suppressSmallCounts(trendCells, trendTotal, threshold),
    threshold,
  };
}

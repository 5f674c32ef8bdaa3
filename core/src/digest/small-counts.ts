import { suppressLinkedCounts } from './linked-suppression.js';
import type { PublishedCount } from './published-count.js';

/** Default threshold below which a count never leaves the UI (e-mail, CSV). */
export const DEFAULT_SMALL_COUNT_THRESHOLD = 5;

/** A breakdown as published: its cells and its total, each possibly suppressed. */
export interface PublishedBreakdown {
  readonly cells: Readonly<Record<string, PublishedCount>>;
  readonly total: PublishedCount;
}

/**
 * Suppresses small counts of one breakdown for publication outside the UI.
 *
 * - Primary: every cell with 0 < count < `threshold` becomes `< threshold`.
 * - Complementary: a single suppressed cell could be recovered as total minus the others, so the
 *   next smallest non-zero cell is suppressed too; when there is none, the total is. So is one
 *   more when the hidden cells' sum fits one split only (1 + 1 = 2).
 * - The total itself is suppressed when it is below the threshold (and not 0).
 *
 * Zero cells stay 0: they reveal no one. `total` is the number of reports (cells may overlap
 * when a report has several values, as act types do; suppression stays conservative then).
 * For figures that several tables share (a total printed twice, a trend), use
 * {@link suppressLinkedCounts}, of which this is the one-table case.
 */
export function suppressSmallCounts(
  cells: Readonly<Record<string, number>>,
  total: number,
  threshold = DEFAULT_SMALL_COUNT_THRESHOLD,
): PublishedBreakdown {
  const keys = Object.keys(cells);
  const values: Record<string, number> = { total };
  for (const k of keys) values[`cell:${k}`] = cells[k]!;
  const out = suppressLinkedCounts(values, [{ total: 'total', parts: keys.map((k) => `cell:${k}`) }], threshold);
  return { cells: Object.fromEntries(keys.map((k) => [k, out[`cell:${k}`]!])), total: out.total! };
}

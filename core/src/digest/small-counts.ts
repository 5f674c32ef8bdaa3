/** Default threshold below which a count never leaves the UI (e-mail, CSV). */
export const DEFAULT_SMALL_COUNT_THRESHOLD = 5;

/** A count as published outside the UI: the number, or the mark `< k` when it is suppressed. */
export type PublishedCount = number | `< ${number}`;

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
 *   next smallest non-zero cell is suppressed too; when there is none, the total is.
 * - The total itself is suppressed when it is below the threshold (and not 0).
 *
 * Zero cells stay 0: they reveal no one. `total` is the number of reports (cells may overlap
 * when a report has several values, as act types do; suppression stays conservative then).
 */
export function suppressSmallCounts(
  cells: Readonly<Record<string, number>>,
  total: number,
  threshold = DEFAULT_SMALL_COUNT_THRESHOLD,
): PublishedBreakdown {
  const mark: `< ${number}` = `< ${threshold}`;
  const hidden = new Set(Object.keys(cells).filter((k) => cells[k]! > 0 && cells[k]! < threshold));
  let hideTotal = total > 0 && total < threshold;
  if (hidden.size === 1) {
    const next = Object.keys(cells)
      .filter((k) => !hidden.has(k) && cells[k]! > 0)
      .sort((a, b) => cells[a]! - cells[b]! || a.localeCompare(b))[0];
    if (next === undefined) hideTotal = true;
    else hidden.add(next);
  }
  const published: Record<string, PublishedCount> = {};
  for (const [key, count] of Object.entries(cells)) published[key] = hidden.has(key) ? mark : count;
  return { cells: published, total: hideTotal ? mark : total };
}

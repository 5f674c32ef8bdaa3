import { publishBreakdownSet, type Lang, type PublishedBreakdownSet } from '@relais/core';
import type { Breakdown, PartnerStats } from '@relais/db';
import { translate } from '../i18n/catalog.js';
import { digestDimensionLabels, type DimensionLabels } from '../views/dimension-labels.js';

const cells = (b: Breakdown) => Object.fromEntries(b.map((r) => [r.key, r.count]));

/** `cells` with what the breakdown does not account for of `total` under `rest` (when any). */
function complete(b: Breakdown, total: number, rest: string): Record<string, number> {
  const out = cells(b);
  const missing = total - b.reduce((s, r) => s + r.count, 0);
  if (missing > 0) out[rest] = missing;
  return out;
}

/** Titles and labels of the statistics' dimensions in `lang` (those of digests, plus months and weeks). */
export function statsDimensionLabels(lang: Lang): Readonly<Record<string, DimensionLabels>> {
  const earlier = translate(lang, 'dimension.releasedEarlier');
  return {
    ...digestDimensionLabels(lang),
    month: { title: translate(lang, 'dimension.month'), label: (k) => k },
    releaseWeek: { title: translate(lang, 'dimension.releaseWeek'), label: (k) => (k === 'earlier' ? earlier : k) },
  };
}

/**
 * A partner's statistics as they may leave the UI: every breakdown made to add up to the total
 * (reports without a place or postal code as `unknown` / `none`, those released before the trend's
 * weeks as `earlier`), then small counts suppressed across all of them at once.
 */
export function publishPartnerStats(s: PartnerStats, threshold: number): PublishedBreakdownSet {
  return publishBreakdownSet(
    s.total,
    {
      actType: cells(s.byActType),
      motive: cells(s.byMotive),
      placeType: complete(s.byPlaceType, s.total, 'unknown'),
      reporterRole: complete(s.byReporterRole, s.total, 'unknown'),
      complaint: complete(s.byComplaint, s.total, 'unknown'),
      month: complete(s.byMonth, s.total, 'unknown'),
      postalCode: complete(s.byPostalCode, s.total, 'none'),
      releaseWeek: complete(s.byReleaseWeek, s.total, 'earlier'),
    },
    threshold,
  );
}

import {
  DIGEST_DIMENSIONS,
  type Lang,
  type PublishedBreakdownSet,
  type PublishedCount,
  type PublishedDigest,
} from '@relais/core';
import { translate } from '../i18n/catalog.js';
import { digestDimensionLabels } from '../views/dimension-labels.js';
import { csvCell } from './partner-csv.js';
import { statsDimensionLabels } from './published-stats.js';

const HEADER = ['section', 'dimension', 'code', 'label', 'count'];
type Row = readonly [section: string, dimension: string, code: string, label: string, count: PublishedCount];

const csv = (rows: readonly Row[]) =>
  `${[HEADER.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')}\r\n`;

/**
 * A weekly digest's aggregates as CSV (RFC 4180, CRLF), from its published form: small counts
 * read `< k` and nothing else than counts leaves (no report, reference or text). One row per
 * figure: section (`week`, `previous_12_weeks`, `trend`), dimension, code, label in `lang`, count.
 */
export function digestAggregatesCsv(digest: PublishedDigest, lang: Lang): string {
  const labels = digestDimensionLabels(lang);
  const rows: Row[] = [];
  for (const [section, b] of [
    ['week', digest.week],
    ['previous_12_weeks', digest.previous12Weeks],
  ] as const) {
    rows.push([section, 'total', '', translate(lang, 'csv.published'), b.total]);
    for (const d of DIGEST_DIMENSIONS) {
      for (const [code, n] of Object.entries(b.by[d].cells)) rows.push([section, d, code, labels[d].label(code), n]);
    }
  }
  for (const [week, n] of Object.entries(digest.trend.cells)) rows.push(['trend', 'isoWeek', week, week, n]);
  rows.push(['trend', 'total', '', translate(lang, 'csv.publishedTrend'), digest.trend.total]);
  return csv(rows);
}

/**
 * A partner's statistics as CSV, from their published form ({@link publishBreakdownSet}): one row
 * per figure, section `stats`, with the dimension, code, label in `lang` and count (`< k` if small).
 */
export function statsAggregatesCsv(published: PublishedBreakdownSet, lang: Lang): string {
  const labels = statsDimensionLabels(lang);
  const rows: Row[] = [['stats', 'total', '', translate(lang, 'csv.published'), published.total]];
  for (const [dimension, table] of Object.entries(published.tables)) {
    const label = labels[dimension]?.label ?? ((code: string) => code);
    for (const [code, n] of Object.entries(table.cells)) rows.push(['stats', dimension, code, label(code), n]);
  }
  return csv(rows);
}

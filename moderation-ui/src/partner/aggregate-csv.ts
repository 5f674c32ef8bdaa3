import { DIGEST_DIMENSIONS, type PublishedBreakdownSet, type PublishedCount, type PublishedDigest } from '@relais/core';
import type { DimensionLabels } from '../views/dimension-labels.js';
import { DIGEST_DIMENSION_LABELS } from '../views/dimension-labels.js';
import { csvCell } from './partner-csv.js';

const HEADER = ['section', 'dimension', 'code', 'label', 'count'];
type Row = readonly [section: string, dimension: string, code: string, label: string, count: PublishedCount];

const csv = (rows: readonly Row[]) => `${[HEADER.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')}\r\n`;

/**
 * A weekly digest's aggregates as CSV (RFC 4180, CRLF), from its published form: small counts
 * read `< k` and nothing else than counts leaves (no report, reference or text). One row per
 * figure: section (`week`, `previous_12_weeks`, `trend`), dimension, code, French label, count.
 */
export function digestAggregatesCsv(digest: PublishedDigest): string {
  const rows: Row[] = [];
  for (const [section, b] of [['week', digest.week], ['previous_12_weeks', digest.previous12Weeks]] as const) {
    rows.push([section, 'total', '', 'Signalements publiés', b.total]);
    for (const d of DIGEST_DIMENSIONS) {
      for (const [code, n] of Object.entries(b.by[d].cells)) rows.push([section, d, code, DIGEST_DIMENSION_LABELS[d].label(code), n]);
    }
  }
  for (const [week, n] of Object.entries(digest.trend.cells)) rows.push(['trend', 'isoWeek', week, week, n]);
  rows.push(['trend', 'total', '', 'Signalements publiés sur les 13 semaines', digest.trend.total]);
  return csv(rows);
}

/**
 * A partner's statistics as CSV, from their published form ({@link publishBreakdownSet}): one row
 * per figure, section `stats`, with the dimension, code, French label and count (`< k` if small).
 */
export function statsAggregatesCsv(published: PublishedBreakdownSet, labels: Readonly<Record<string, DimensionLabels>>): string {
  const rows: Row[] = [['stats', 'total', '', 'Signalements publiés', published.total]];
  for (const [dimension, table] of Object.entries(published.tables)) {
    const label = labels[dimension]?.label ?? ((code: string) => code);
    for (const [code, n] of Object.entries(table.cells)) rows.push(['stats', dimension, code, label(code), n]);
  }
  return csv(rows);
}

import { PARTNER_FIELDS } from '@relais/core';
import type { PartnerReport } from '@relais/db';

/** One CSV cell: quoted, quotes doubled, and a leading = + - @ neutralised (no formula injection). */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : Array.isArray(value)
        ? value.join('|')
        : value instanceof Date
          ? value.toISOString()
          : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A partner export as CSV (RFC 4180, CRLF): one column per field of core's `PARTNER_FIELDS`, headed
 * by its column name, in the list's order (the month of the facts as `YYYY-MM`, instants in ISO).
 */
export function partnerCsv(rows: readonly PartnerReport[]): string {
  const lines = [PARTNER_FIELDS.map((f) => f.column).join(',')];
  for (const r of rows) lines.push(PARTNER_FIELDS.map((f) => csvCell(r[f.column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

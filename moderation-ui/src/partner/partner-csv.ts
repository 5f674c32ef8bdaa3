import type { PartnerReport } from '@relais/db';

const HEADER = [
  'reference',
  'released_at',
  'act_types',
  'motives',
  'place_type',
  'postal_code',
  'commune',
  'occurred_on',
  'reporter_role',
  'complaint',
  'anonymised_text',
];

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

/** A partner export as CSV (RFC 4180, CRLF), anonymised fields only. */
export function partnerCsv(rows: readonly PartnerReport[]): string {
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.reference,
        r.released_at,
        r.act_types,
        r.motives,
        r.place_type,
        r.postal_code,
        r.commune,
        r.occurred_on,
        r.reporter_role,
        r.complaint,
        r.anonymised_text,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

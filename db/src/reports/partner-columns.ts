import { PARTNER_FIELDS, type PartnerFieldColumn } from '@relais/core';
import type { ReportRow, ReportTable } from './report.table.js';

/** The columns the partner pages, exports and digests list: the columns of core's `PARTNER_FIELDS`, in order. */
export const PARTNER_LISTED_COLUMNS = PARTNER_FIELDS.map((f) => f.column) satisfies readonly (keyof ReportTable)[];

/**
 * The columns of `reports` a partner may ever read: {@link PARTNER_LISTED_COLUMNS} plus the status
 * and the month of submission that partner queries filter on (never listed). No original text,
 * contact, staff field, exact date of the facts or of the report, follow-up reference or internal id. Row-level security
 * grants `relais_partner` exactly these (the migrations keep their own frozen copies; an
 * integration test proves both agree on a migrated database). Adding a field to `PARTNER_FIELDS`
 * does not grant it: that takes a migration.
 */
export const PARTNER_REPORT_COLUMNS = [
  ...PARTNER_LISTED_COLUMNS,
  'status',
  'submitted_month',
] as const satisfies readonly (PartnerFieldColumn | keyof ReportTable)[];

/** What a partner sees of a report: the fields of {@link PARTNER_LISTED_COLUMNS}. */
export type PartnerReport = Pick<ReportRow, PartnerFieldColumn>;

import type { ReportRow, ReportTable } from './report.table.js';

/**
 * The columns of `reports` a partner may ever read: no original text, contact or staff field.
 * Row-level security grants `relais_partner` exactly these (the migration
 * `2026-11-22-02-row-level-security` keeps its own frozen copy; an integration test proves both
 * agree on a migrated database). Adding a column here does not grant it: that takes a migration.
 */
export const PARTNER_REPORT_COLUMNS = [
  'id',
  'reference',
  'status',
  'tunnel',
  'reporter_role',
  'act_types',
  'motives',
  'occurred_precision',
  'occurred_on',
  'location_kind',
  'postal_code',
  'commune',
  'departement',
  'place_type',
  'complaint',
  'categories',
  'anonymised_text',
  'submitted_at',
  'released_at',
] as const satisfies readonly (keyof ReportTable)[];

/** A column of {@link PARTNER_REPORT_COLUMNS}. */
type PartnerReportColumn = (typeof PARTNER_REPORT_COLUMNS)[number];

/** Partner columns the partner pages leave out: the status (always `done` there) and the submission time. */
type UnlistedColumn = 'status' | 'submitted_at';

/** The columns the partner pages, exports and digests list: {@link PARTNER_REPORT_COLUMNS} but the status and submission time. */
export const PARTNER_LISTED_COLUMNS = PARTNER_REPORT_COLUMNS.filter(
  (column): column is Exclude<PartnerReportColumn, UnlistedColumn> => column !== 'status' && column !== 'submitted_at',
);

/** What a partner sees of a report: the anonymised fields of {@link PARTNER_LISTED_COLUMNS}. */
export type PartnerReport = Pick<ReportRow, (typeof PARTNER_LISTED_COLUMNS)[number]>;

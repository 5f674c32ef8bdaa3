/**
 * Life of a report: `received` → `in_review` → `done` | `rejected`. A partner flag sends `done`
 * back to `in_review`; erasure leaves an `erased` tombstone with no content.
 */
export const REPORT_STATUSES = ['received', 'in_review', 'done', 'rejected', 'erased'] as const;

/** A report status. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * @relais/db: the Relais database: kysely types, migrations, row-level security and the
 * repositories (all SQL lives here). One folder per aggregate, each with its `<x>.table.ts` (the
 * table's one type) and `<x>.repository.ts` (functions taking the database or a transaction
 * first). Test helpers are in the `@relais/db/testing` subpath.
 */

// Connection, schema and migrations.
export { DatabaseRoleError, createDatabase, type DatabaseOptions, type RelaisDb } from './create-database.js';
export type { Database, Executor } from './database.js';
export { migrateToLatest, migrateDown, MigrationError } from './migrate.js';
export { pingDatabase } from './ping-database.js';
export { checkDatabase } from './check-database.js';

// Languages a report may be in (the table follows core's LANGS).
export type * from './languages/language.table.js';
export { syncLanguages } from './languages/language.repository.js';

// Reports: the table, the intake's row and insert, staff moderation and queue, partner views, the reporter's own listing, retention.
export type * from './reports/report.table.js';
export { PARTNER_LISTED_COLUMNS, PARTNER_REPORT_COLUMNS, type PartnerReport } from './reports/partner-columns.js';
export { toReportRow, type StoredReportTags } from './reports/to-report-row.js';
export { insertReports, type InsertReportResult } from './reports/insert-reports.js';
export * from './reports/report.repository.js';
export * from './reports/report-moderation.repository.js';
export * from './reports/staff-queue.repository.js';
export * from './reports/partner-report.repository.js';
export * from './reports/reporter-report.repository.js';
export * from './reports/retention.repository.js';
// Sealing contexts of the encrypted columns.

// Erasure of a reporter's reports (tombstones) and the requests remembered for reports still in intake.
export type * from './erasures/reporter-erasure.table.js';
export {
  ERASURE_RECORD_DAYS,
  eraseReporterReports,
  purgeErasureRecords,
  type ErasureRequest,
} from './erasures/erasure.repository.js';

// Partners, their scope rules, and partner-scoped transactions under row-level security.
export type * from './partners/partner.table.js';
export * from './partners/partner.repository.js';
export { withPartnerScope } from './partners/partner-scope.js';

// Partner flags on released reports.
export type * from './flags/flag.table.js';
export * from './flags/flag.repository.js';

// Staff and partner accounts.
export type * from './accounts/account.table.js';
export * from './accounts/account.repository.js';

// The audit log.
export type * from './audit/audit-event.table.js';
export * from './audit/audit.repository.js';

// Weekly digests.
export type * from './digests/digest.table.js';
export * from './digests/digest.repository.js';

// Messages between the association and a reporter, and their delivery.
export type * from './messages/message.table.js';
export * from './messages/message.repository.js';
export * from './messages/outbound-delivery.repository.js';
export * from './messages/reporter-thread.repository.js';

// Web follow-up (receipt reference and secret phrase, without an account).
export type * from './follow-ups/follow-up.table.js';
export * from './follow-ups/follow-up.repository.js';

// The "En lieu sûr" safe places.
export type * from './safe-places/safe-place.table.js';
export * from './safe-places/safe-place.repository.js';

/**
 * @relais/db: the Relais database: kysely types, migrations, row-level security and the
 * repositories (all SQL lives here).
 */
export { APP_ROLE, DatabaseRoleError, PREPARED_STATEMENT, createDatabase, type DatabaseOptions, type RelaisDb } from './create-database.js';
export { migrateToLatest, migrateDown, MigrationError } from './migrate.js';
export { withPartnerScope } from './partner-scope.js';
export { pingDatabase } from './ping-database.js';
export { PARTNER_REPORT_COLUMNS } from './migrations/2026-11-22-02-row-level-security.js';
export type { Database } from './tables/database.js';
export type * from './tables/report.table.js';
export type * from './tables/partner.table.js';
export type * from './tables/account.table.js';
export type * from './tables/audit-event.table.js';
export type * from './tables/flag.table.js';
export type * from './tables/message.table.js';
export type * from './tables/digest.table.js';
export type * from './tables/safe-place.table.js';
export type * from './tables/follow-up.table.js';
export type { Executor } from './repositories/executor.js';
export * from './repositories/report.repository.js';
export * from './repositories/partner.repository.js';
export * from './repositories/partner-report.repository.js';
export { createTestDatabase, type TestDatabase } from './testing/test-database.js';
export * from './repositories/digest.repository.js';
export { scopeCondition } from './repositories/scope-filter.js';
export * from './repositories/intake.repository.js';
export * from './repositories/outbound-delivery.repository.js';
export * from './repositories/retention.repository.js';
export * from './repositories/erasure.repository.js';
export * from './repositories/moderation-schema.js';
export { sealingContext } from './repositories/sealing-context.js';
export * from './repositories/audit.repository.js';
export * from './repositories/account.repository.js';
export * from './repositories/staff-queue.repository.js';
export * from './repositories/report-moderation.repository.js';
export * from './repositories/flag.repository.js';
export * from './repositories/message.repository.js';
export * from './repositories/safe-place-admin.repository.js';
export * from './repositories/partner-admin.repository.js';
export * from './repositories/partner-view.repository.js';
export * from './repositories/safe-place.repository.js';
export * from './repositories/reporter-report.repository.js';
export * from './repositories/follow-up.repository.js';

/**
 * @relais/db: the Relais database: kysely types, migrations, row-level security and the
 * repositories (all SQL lives here).
 */
export { createDatabase, type DatabaseOptions, type RelaisDb } from './create-database.js';
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
export type { Executor } from './repositories/executor.js';
export * from './repositories/report.repository.js';
export * from './repositories/partner.repository.js';
export * from './repositories/partner-report.repository.js';
export { createTestDatabase, type TestDatabase } from './testing/test-database.js';
export * from './repositories/digest.repository.js';
export { scopeCondition } from './repositories/scope-filter.js';

/**
 * @relais/db/testing: helpers for tests and benchmarks that need a real database. Never imported
 * by application code (the main entry `@relais/db` does not re-export them).
 */
export { createTestDatabase, type TestDatabase } from './test-database.js';

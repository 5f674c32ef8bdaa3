import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type RelaisDb } from '../create-database.js';
import { migrateToLatest } from '../migrate.js';

/** A fresh, migrated database for one test file; `drop()` removes it. */
export interface TestDatabase {
  /** URL of the new database (same server and user as the base URL). */
  readonly url: string;
  /** An application handle on it (role `relais_app`). */
  readonly db: RelaisDb;
  /** Closes the handle and drops the database. */
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates a uniquely named database on the server of `baseUrl`, migrates it and opens it. Used by
 * integration tests and benchmarks: one per test file, so files never see each other's rows.
 */
export async function createTestDatabase(baseUrl: string, label = 'test'): Promise<TestDatabase> {
  const name = `relais_${label
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 20)
    .toLowerCase()}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(baseUrl, name);
  await migrateToLatest(url);
  const db = createDatabase({ connectionString: url, applicationName: `relais-${label}` });
  return {
    url,
    db,
    async drop() {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: withDatabase(baseUrl, 'postgres') });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

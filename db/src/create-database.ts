import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables/database.js';

// Dates come back as ISO strings (not shifted JS Dates), bigints as strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** Options of {@link createDatabase}. */
export interface DatabaseOptions {
  /** A PostgreSQL URL (`DATABASE_URL`). */
  readonly connectionString: string;
  /** Pool size; default 10. */
  readonly max?: number;
  /** Shown in `pg_stat_activity`, e.g. `relais-worker`. */
  readonly applicationName?: string;
}

/** A Relais database handle (kysely over a pg pool). */
export type RelaisDb = Kysely<Database>;

/**
 * Opens the application's database handle. Every pooled connection switches to `relais_app`, a
 * role that owns no table, so row-level security applies to everything the application runs.
 * Call `db.destroy()` to close the pool.
 */
export function createDatabase(options: DatabaseOptions): RelaisDb {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'relais',
    connectionTimeoutMillis: 10_000,
  });
  pool.on('connect', (client) => {
    client.query('SET ROLE relais_app').catch(() => undefined);
  });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

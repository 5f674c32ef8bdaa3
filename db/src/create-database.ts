import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { RelaisError } from '@relais/core';
import type { Database } from './database.js';

// Dates come back as ISO strings (not shifted JS Dates), bigints as strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** The role every application connection switches to: it owns no table, so row-level security applies. */
const APP_ROLE = 'relais_app';

/** Options of {@link createDatabase}. */
export interface DatabaseOptions {
  /** A PostgreSQL URL (`DATABASE_URL`). */
  readonly connectionString: string;
  /** Pool size; default 10. */
  readonly max?: number;
  /** Shown in `pg_stat_activity`, e.g. `relais-worker`. */
  readonly applicationName?: string;
  /**
   * Default false. Set it only for a database that has no Relais roles (one the migrations never
   * ran on): connections then keep the login role's rights, with no row-level security for staff
   * queries. Without it, a connection that cannot switch to `relais_app` fails (see
   * {@link DatabaseRoleError}) rather than run the application as the table owner.
   */
  readonly withoutAppRole?: boolean;
}

/** A Relais database handle (kysely over a pg pool). */
export type RelaisDb = Kysely<Database>;

/** A connection could not switch to `relais_app`: the application refuses to run with the login role's rights. */
export class DatabaseRoleError extends RelaisError {
  constructor(reason: string, options?: ErrorOptions) {
    super(
      'DATABASE_ROLE',
      `cannot SET ROLE ${APP_ROLE} (${reason}): without it the application would run with the login role's rights and no row-level security. ` +
        `Run the migrations (npm run db:migrate), which create the role and grant it to the user that runs them, ` +
        `or grant it to this login role: GRANT ${APP_ROLE} TO <login role>;`,
      options,
    );
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';
const UNDEFINED_OBJECT = '42704';

/**
 * A pool whose every new connection has switched to {@link APP_ROLE} before it serves a query. A
 * connection that cannot switch is destroyed, and the query that wanted it fails with
 * {@link DatabaseRoleError}.
 */
function appRolePool(pool: pg.Pool): PostgresPool {
  const switched = new WeakSet<pg.PoolClient>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      if (switched.has(client)) return client;
      try {
        await client.query(`SET ROLE ${APP_ROLE}`);
      } catch (error) {
        client.release(true);
        // Only a missing role or grant is ours to explain; a lost connection stays what it is.
        const code = (error as { code?: string }).code;
        if (code === INSUFFICIENT_PRIVILEGE || code === UNDEFINED_OBJECT)
          throw new DatabaseRoleError((error as Error).message, { cause: error });
        throw error;
      }
      switched.add(client);
      return client;
    },
    end: () => pool.end(),
  };
}

/**
 * Opens the application's database handle. Every pooled connection switches to `relais_app`, a
 * role that owns no table, so row-level security applies to everything the application runs; a
 * connection that cannot switch fails loudly ({@link DatabaseRoleError}), unless
 * `withoutAppRole` says the database has no such role. Call `db.destroy()` to close the pool.
 */
export function createDatabase(options: DatabaseOptions): RelaisDb {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'relais',
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: options.withoutAppRole ? pool : appRolePool(pool) }),
  });
}

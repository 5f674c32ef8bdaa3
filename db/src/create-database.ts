import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { RelaisError } from '@relais/core';
import type { Database } from './database.js';

// Dates come back as ISO strings (not shifted JS Dates), bigints as strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** The role every application connection switches to: it owns no table, so row-level security applies. */
const APP_ROLE = 'relais_app';

/**
 * Starts a statement that runs as a named prepared statement on each connection: PostgreSQL parses
 * and plans it once per connection instead of at every run (worth it for a large statement run
 * often with different parameters, such as the intake's batch insert). Put it first in the SQL
 * text, which must then not vary with the data (the data goes in parameters).
 */
export const PREPARED_STATEMENT = '/* relais:prepared */ ';

/** Statement names by text, from a hash of the text: one text, one name, on every connection and after any clear. */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    if (statementNames.size >= 1_000) statementNames.clear();
    statementNames.set(text, (name = `relais_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  }
  return name;
}

/**
 * A pooled client as kysely uses it, running {@link PREPARED_STATEMENT} texts as named prepared
 * statements (node-postgres prepares a name once per connection, again after a reconnection).
 */
function preparing(client: pg.PoolClient): PostgresPoolClient {
  return {
    query: ((text: unknown, parameters?: readonly unknown[]) =>
      typeof text === 'string' && text.startsWith(PREPARED_STATEMENT)
        ? client.query({ name: statementName(text), text, values: [...(parameters ?? [])] })
        : client.query(text as string, parameters as unknown[])) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  };
}

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
      if (switched.has(client)) return preparing(client);
      try {
        await client.query(`SET ROLE ${APP_ROLE}`);
      } catch (error) {
        client.release(true);
        // Only a missing role or grant is ours to explain; a lost connection stays what it is.
        const code = (error as { code?: string }).code;
        if (code === INSUFFICIENT_PRIVILEGE || code === UNDEFINED_OBJECT) throw new DatabaseRoleError((error as Error).message, { cause: error });
        throw error;
      }
      switched.add(client);
      return preparing(client);
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
  const ownRole: PostgresPool = { connect: async () => preparing(await pool.connect()), end: () => pool.end() };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: options.withoutAppRole ? ownRole : appRolePool(pool) }) });
}

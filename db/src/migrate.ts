import { Kysely, Migrator, PostgresDialect, type MigrationResult } from 'kysely';
import pg from 'pg';
import { RelaisError } from '@relais/core';
import type { Database } from './database.js';
import { syncLanguages } from './languages/language.repository.js';
import { migrationProvider } from './migrations/index.js';

/** A migration failed; the message names it and the database's reason. */
export class MigrationError extends RelaisError {
  constructor(message: string, options?: ErrorOptions) {
    super('MIGRATION_FAILED', message, options);
  }
}

async function withOwnerConnection<T>(
  connectionString: string,
  fn: (migrator: Migrator, db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString, max: 1, application_name: 'relais-migrate' }),
    }),
  });
  try {
    return await fn(new Migrator({ db, provider: migrationProvider }), db);
  } finally {
    await db.destroy();
  }
}

function check(error: unknown, results: MigrationResult[] | undefined): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed} failed: ${reason}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Applies every pending migration, as the connection's own (owner) role, then runs the repeatable
 * steps: `syncLanguages` adds every language of core's `LANGS` to the `languages` table (so the
 * database accepts a new language without a migration). Returns the names of the migrations applied.
 * Safe to run concurrently: kysely takes a lock, and the repeatable steps are idempotent.
 */
export async function migrateToLatest(connectionString: string): Promise<string[]> {
  return withOwnerConnection(connectionString, async (migrator, db) => {
    const { error, results } = await migrator.migrateToLatest();
    const applied = check(error, results);
    await syncLanguages(db);
    return applied;
  });
}

/** Reverts the last applied migration. Returns its name (empty when none was applied). */
export async function migrateDown(connectionString: string): Promise<string[]> {
  return withOwnerConnection(connectionString, async (migrator) => {
    const { error, results } = await migrator.migrateDown();
    return check(error, results);
  });
}

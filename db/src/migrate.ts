import { Kysely, Migrator, PostgresDialect, type MigrationResult } from 'kysely';
import pg from 'pg';
import { RelaisError } from '@relais/core';
import { migrationProvider } from './migrations/index.js';

/** A migration failed; the message names it and the database's reason. */
export class MigrationError extends RelaisError {
  constructor(message: string, options?: ErrorOptions) {
    super('MIGRATION_FAILED', message, options);
  }
}

async function withOwnerConnection<T>(connectionString: string, fn: (migrator: Migrator) => Promise<T>): Promise<T> {
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 1, application_name: 'relais-migrate' }) }),
  });
  try {
    return await fn(new Migrator({ db, provider: migrationProvider }));
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
 * Applies every pending migration, as the connection's own (owner) role. Returns the names applied.
 * Safe to run concurrently: kysely takes a lock.
 */
export async function migrateToLatest(connectionString: string): Promise<string[]> {
  return withOwnerConnection(connectionString, async (migrator) => {
    const { error, results } = await migrator.migrateToLatest();
    return check(error, results);
  });
}

/** Reverts the last applied migration. Returns its name (empty when none was applied). */
export async function migrateDown(connectionString: string): Promise<string[]> {
  return withOwnerConnection(connectionString, async (migrator) => {
    const { error, results } = await migrator.migrateDown();
    return check(error, results);
  });
}

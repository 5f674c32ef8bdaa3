import type { Migration, MigrationProvider } from 'kysely';
import * as schema from './2026-11-22-01-schema.js';
import * as rowLevelSecurity from './2026-11-22-02-row-level-security.js';

/** Every migration, by dated name; kysely applies them in name order. */
export const migrations: Record<string, Migration> = {
  '2026-11-22-01-schema': schema,
  '2026-11-22-02-row-level-security': rowLevelSecurity,
};

/** A kysely migration provider over {@link migrations}: works from sources and from the build alike. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

import { createLogger, loadConfigOrExit } from '@relais/core';
import { migrateDown, migrateToLatest } from './migrate.js';

// `npm run db:migrate` (add `-- down` to revert the last migration).
const config = loadConfigOrExit();
const logger = createLogger({ service: 'migrate', level: config.logLevel });
const direction = process.argv[2] === 'down' ? 'down' : 'up';
try {
  const applied =
    direction === 'down' ? await migrateDown(config.databaseUrl) : await migrateToLatest(config.databaseUrl);
  logger.info({ applied, direction }, applied.length ? 'migrations applied' : 'database already up to date');
} catch (error) {
  logger.error({ err: error }, 'migration failed');
  process.exitCode = 1;
}

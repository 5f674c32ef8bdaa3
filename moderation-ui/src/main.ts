import { checkRedis, runService } from '@relais/core';
import { checkDatabase } from '@relais/db';
import { createModerationService } from './moderation-service.js';

await runService({
  name: 'moderation-ui',
  logName: 'moderation',
  portVariable: 'UI_PORT',
  checks: [(config) => checkDatabase(config.databaseUrl), (config) => checkRedis(config.redisUrl)],
  create: (config, logger) => createModerationService(config, logger),
  startedMessage: 'moderation service started',
});

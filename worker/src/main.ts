import { checkRedis, runService } from '@relais/core';
import { checkDatabase } from '@relais/db';
import { createWorkerService } from './worker-service.js';

await runService({
  name: 'worker',
  portVariable: 'WORKER_PORT',
  checks: [(config) => checkDatabase(config.databaseUrl), (config) => checkRedis(config.redisUrl)],
  create: (config, logger) => createWorkerService(config, logger),
  stoppingMessage: 'stopping: no new jobs; finishing jobs in hand',
  stopped: (released, logger) => logger.info({ released }, 'worker stopped'),
});

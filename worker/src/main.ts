import { createLogger, loadConfigOrExit, RelaisError } from '@relais/core';
import { createWorkerService } from './worker-service.js';

const config = loadConfigOrExit();
const logger = createLogger({ service: 'worker', level: config.logLevel });
let service;
try {
  service = await createWorkerService(config, logger);
} catch (error) {
  if (!(error instanceof RelaisError)) throw error;
  process.stderr.write(`relais worker: ${error.message}\n`);
  process.exit(1);
}
await service.server.listen({ host: config.host, port: config.ports.worker });
logger.info({ port: config.ports.worker }, 'worker started');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new jobs; finishing jobs in hand');
    service.close().then(
      (released) => {
        logger.info({ released }, 'worker stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  });
}

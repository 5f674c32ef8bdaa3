import { createLogger, loadConfigOrExit } from '@relais/core';
import { createModerationService } from './moderation-service.js';

const config = loadConfigOrExit();
const logger = createLogger({ service: 'moderation', level: config.logLevel });
const service = createModerationService(config, logger);
await service.server.listen({ host: config.host, port: config.ports.ui });
logger.info({ port: config.ports.ui }, 'moderation service started');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

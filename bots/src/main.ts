import { DEFAULT_LANG, LANGS, createLogger, loadConfigOrExit } from '@relais/core';
import { createBotsService } from './bots-service.js';
import { commandMenu } from './telegram/telegram-commands.js';

const config = loadConfigOrExit();
const logger = createLogger({ service: 'bots', level: config.logLevel });
const service = await createBotsService(config, logger);
await service.server.listen({ host: config.host, port: config.ports.bots });

const bot = service.telegram;
if (bot) {
  // The command menu, in the default language (French) for everyone and in each other language of LANGS for its clients.
  await bot.api.setMyCommands(commandMenu(DEFAULT_LANG)).catch(() => logger.warn('could not set the Telegram command menu'));
  for (const lang of LANGS.filter((l) => l !== DEFAULT_LANG)) {
    await bot.api.setMyCommands(commandMenu(lang), { language_code: lang }).catch(() => undefined);
  }
}
if (bot && config.telegram.mode === 'webhook') {
  await bot.api.setWebhook(`${config.publicUrl}/telegram/webhook`, {
    secret_token: config.telegram.webhookSecret,
    allowed_updates: ['message', 'edited_message', 'callback_query'],
  });
  logger.info('telegram webhook registered');
} else if (bot) {
  void bot.start({ allowed_updates: ['message', 'edited_message', 'callback_query'] });
  logger.info('telegram long polling started');
} else {
  logger.info('TELEGRAM_BOT_TOKEN is not set: the Telegram channel is off');
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  });
}

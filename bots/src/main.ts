import { DEFAULT_LANG, LANGS, checkRedis, runService } from '@relais/core';
import { checkDatabase } from '@relais/db';
import { createBotsService } from './bots-service.js';
import { commandMenu } from './telegram/telegram-commands.js';

await runService({
  name: 'bots',
  portVariable: 'BOTS_PORT',
  checks: [(config) => checkDatabase(config.databaseUrl), (config) => checkRedis(config.redisUrl)],
  create: (config, logger) => createBotsService(config, logger),
  async started(service, config, logger) {
    const bot = service.telegram;
    if (bot) {
      // The command menu, in the default language (French) for everyone and in each other language of LANGS for its clients.
      await bot.api
        .setMyCommands(commandMenu(DEFAULT_LANG))
        .catch(() => logger.warn('could not set the Telegram command menu'));
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
  },
});

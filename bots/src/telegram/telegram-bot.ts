import { randomUUID } from 'node:crypto';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Redis } from 'ioredis';
import { keyedHash, newReference, type Keyring, type Lang, type Logger } from '@relais/core';
import { translate } from '../flow/catalog.js';
import type { DraftStore } from '../flow/draft-store.js';
import type { FlowInput } from '../flow/flow-types.js';
import { step } from '../flow/report-flow.js';
import type { IntakeQueue } from '../intake/intake-queue.js';
import { decodeChoice, renderKeyboard } from './telegram-renderer.js';
import { dedupUpdates } from './update-dedup.js';

/** What the Telegram channel needs. */
export interface TelegramBotDeps {
  readonly token: string;
  readonly apiRoot: string;
  /** Known bot identity; when omitted, `bot.init()` asks the Bot API (getMe). */
  readonly botInfo?: UserFromGetMe;
  readonly redis: Redis;
  readonly prefix: string;
  readonly keyring: Keyring;
  readonly drafts: DraftStore;
  readonly intake: IntakeQueue;
  readonly logger: Logger;
}

const langOf = (ctx: Context): Lang => (ctx.from?.language_code?.startsWith('en') ? 'en' : 'fr');

/**
 * The Telegram channel: parses updates into flow inputs, runs the shared report flow, renders its
 * outputs as messages with inline keyboards. A report is confirmed only once it is on the intake queue.
 */
export function createTelegramBot(deps: TelegramBotDeps): Bot {
  const bot = new Bot(deps.token, { client: { apiRoot: deps.apiRoot }, botInfo: deps.botInfo });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  bot.use(dedupUpdates(deps.redis, deps.prefix));

  async function handle(ctx: Context, input: FlowInput): Promise<void> {
    const chatId = ctx.chat?.id;
    if (chatId === undefined || ctx.chat?.type !== 'private') return;
    const conversation = `telegram:${chatId}`;
    const state = await deps.drafts.load(conversation);
    const result = step(state, input, {
      now: new Date(),
      channel: 'telegram',
      reporterKey: keyedHash(deps.keyring, conversation),
      newId: randomUUID,
      newReference,
    });
    for (const output of result.outputs) {
      if (output.kind !== 'submit') continue;
      try {
        await deps.intake.submit(output.submission);
      } catch (error) {
        deps.logger.error({ err: error, reportId: output.submission.id }, 'intake enqueue failed; draft kept');
        await ctx.reply(translate(state?.lang ?? langOf(ctx), 'submitFailed'));
        return;
      }
      deps.logger.info({ reportId: output.submission.id }, 'report submitted to intake');
    }
    await deps.drafts.save(conversation, result.state);
    for (const output of result.outputs) {
      if (output.kind !== 'message') continue;
      await ctx.reply(output.text, output.choices?.length ? { reply_markup: renderKeyboard(output.choices) } : {});
    }
  }

  bot.command('start', (ctx) => handle(ctx, { kind: 'start', payload: ctx.match.trim() || undefined, lang: langOf(ctx) }));
  bot.command('cancel', (ctx) => handle(ctx, { kind: 'cancel' }));
  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery();
    const value = decodeChoice(ctx.callbackQuery.data);
    await handle(ctx, value === undefined ? { kind: 'unsupported' } : { kind: 'choice', value });
  });
  bot.on('message:text', (ctx) => handle(ctx, { kind: 'text', text: ctx.message.text }));
  bot.on(['message', 'edited_message'], (ctx) => handle(ctx, { kind: 'unsupported' }));

  bot.catch((error) => {
    deps.logger.error({ err: { name: error.error instanceof Error ? error.error.name : 'unknown' }, updateId: error.ctx.update.update_id }, 'telegram update failed');
  });
  return bot;
}

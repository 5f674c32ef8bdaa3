import { randomUUID } from 'node:crypto';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, type BotError, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Redis } from 'ioredis';
import { RateLimiter, keyedHash, newReference, type Keyring, type Logger, type RateLimit } from '@relais/core';
import { translate } from '../i18n/catalog.js';
import type { ConversationRunner } from '../flow/conversation-runner.js';
import { ConversationBusyError } from '../flow/draft-store.js';
import type { FlowContext } from '../flow/flow-types.js';
import { MessageTrail } from './message-trail.js';
import { presentOutputs } from './telegram-presenter.js';
import type { TelegramReplies } from './telegram-replies.js';
import { clientLang, toFlowInput } from './telegram-input.js';
import { dedupUpdates, updateInputId } from './update-dedup.js';

/** What the Telegram channel needs. */
interface TelegramBotDeps {
  readonly token: string;
  readonly apiRoot: string;
  /** Known bot identity; when omitted, `bot.init()` asks the Bot API (getMe). */
  readonly botInfo?: UserFromGetMe;
  readonly redis: Redis;
  readonly prefix: string;
  readonly keyring: Keyring;
  readonly runner: ConversationRunner;
  /** Answers to the association (reply buttons, "answer or new report?"); without it, every update goes to the flow. */
  readonly replies?: TelegramReplies;
  readonly logger: Logger;
  /** Flood limit per chat (default {@link TELEGRAM_CHAT_LIMIT}); null turns it off (harnesses replaying thousands of updates from a few chats). */
  readonly chatLimit?: RateLimit | null;
  /** Bot API 429s are retried this many times (default 3), waiting at most `maxRetryDelaySeconds` (30). */
  readonly maxRetryAttempts?: number;
  readonly maxRetryDelaySeconds?: number;
}

/**
 * Updates one chat may send per window. A person walking a report sends about 17 in a few minutes;
 * a flood beyond this is paused (its updates dropped, the draft untouched) with one message per window.
 */
const TELEGRAM_CHAT_LIMIT: RateLimit = { max: 60, windowSeconds: 60 };

/**
 * Tells the person their draft is kept when handling their update failed, and logs the failure
 * by update id only: one bad update must not stop the bot or block the others. The one error it
 * lets through is {@link ConversationBusyError} (the update never started; in webhook mode it is
 * answered 503 so Telegram delivers it again).
 */
function boundary(logger: Logger) {
  return async (error: BotError<Context>): Promise<void> => {
    // Still busy with an earlier update (or a dead process's lock): not acknowledged, so Telegram
    // delivers this one again, rather than asking the person to resend it.
    if (error.error instanceof ConversationBusyError) throw error.error;
    const ctx = error.ctx;
    const cause = error.error as { name?: string; code?: string } | undefined;
    logger.error(
      { errorName: cause?.name ?? 'unknown', errorCode: cause?.code, updateId: ctx.update.update_id },
      'telegram update failed; draft kept',
    );
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      if (ctx.chat?.type === 'private')
        await ctx.api.sendMessage(ctx.chat.id, translate(clientLang(ctx), 'internalError'));
    } catch {
      // The Bot API is unreachable too: nothing more can be said.
    }
  };
}

/**
 * The Telegram channel: parses updates into flow inputs, lets the reply desk take answers to the
 * association (see `TelegramReplies`), runs the shared report conversation, renders its outputs
 * as messages with inline keyboards. Duplicate `update_id`s are ignored, Bot
 * API 429s retried, failures contained per update. Nothing of a report or a chat id is logged.
 */
export function createTelegramBot(deps: TelegramBotDeps): Bot {
  const bot = new Bot(deps.token, {
    client: { apiRoot: deps.apiRoot },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  bot.api.config.use(
    autoRetry({ maxRetryAttempts: deps.maxRetryAttempts ?? 3, maxDelaySeconds: deps.maxRetryDelaySeconds ?? 30 }),
  );
  const trail = new MessageTrail(deps.redis, deps.keyring, deps.prefix);
  const limiter = new RateLimiter(deps.redis, { prefix: deps.prefix, keyring: deps.keyring });
  // Outside the boundary: an update that failed for want of the conversation is not marked done.
  bot.use(dedupUpdates(deps.redis, deps.prefix));
  const guarded = bot.errorBoundary(boundary(deps.logger));

  guarded.on(['message', 'edited_message', 'callback_query'], async (ctx) => {
    const chat = ctx.chat;
    const input = toFlowInput(ctx);
    if (!chat || chat.type !== 'private' || !input) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      return;
    }
    const conversation = `telegram:${chat.id}`;
    const reporterKey = keyedHash(deps.keyring, conversation);
    const chatLimit = deps.chatLimit === undefined ? TELEGRAM_CHAT_LIMIT : deps.chatLimit;
    const flood = chatLimit
      ? await limiter.hit({ name: 'tg-chat', subject: reporterKey, limit: chatLimit })
      : undefined;
    if (chatLimit && flood && !flood.allowed) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      // Said once per window: a flood gets one answer, not one per message.
      if (flood.count === chatLimit.max + 1) {
        await ctx.api.sendMessage(
          chat.id,
          translate(clientLang(ctx), 'tooManyMessages', { seconds: String(flood.retryAfterSeconds) }),
        );
      }
      deps.logger.warn(
        { updateId: ctx.update.update_id },
        'telegram chat rate limit reached; update dropped, draft kept',
      );
      return;
    }
    const flowCtx: FlowContext = {
      now: new Date(),
      channel: 'telegram',
      clientLang: clientLang(ctx),
      reporterKey,
      chatAddress: { channel: 'telegram', chatId: chat.id },
      newId: randomUUID,
      newReference,
    };
    let flowInput = input;
    if (deps.replies) {
      const outcome = await deps.replies.handle(ctx, chat.id, input, flowCtx);
      if (outcome.handled) return;
      flowInput = outcome.input;
    }
    let toast: string | undefined;
    try {
      await deps.runner.run(
        conversation,
        flowInput,
        flowCtx,
        async (outputs) => {
          toast = await presentOutputs(ctx, chat.id, outputs, trail, deps.logger);
        },
        updateInputId(ctx),
      );
    } finally {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery(toast ? { text: toast } : undefined).catch(() => undefined);
    }
  });

  bot.catch((error) => {
    deps.logger.error(
      { errorName: (error.error as Error | undefined)?.name ?? 'unknown', updateId: error.ctx.update.update_id },
      'telegram update failed outside the error boundary',
    );
  });
  return bot;
}

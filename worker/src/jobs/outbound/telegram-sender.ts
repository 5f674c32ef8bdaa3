import { autoRetry } from '@grammyjs/auto-retry';
import { Api } from 'grammy';

/** Telegram's limit on the length of one message. */
export const TELEGRAM_MAX_MESSAGE_LENGTH = 4096;

/** An inline button under a message: its label and the `callback_data` the bots read back. */
export interface TelegramButton {
  readonly label: string;
  readonly data: string;
}

/**
 * Sends a text to a Telegram chat, with an optional inline button under its last part; rejects with
 * grammY's `GrammyError` or `HttpError`.
 */
export type TelegramSend = (chatId: number, text: string, button?: TelegramButton) => Promise<void>;

/** Options of {@link createTelegramSender}. */
export interface TelegramSenderOptions {
  readonly token: string;
  /** Bot API root (`TELEGRAM_API_ROOT`); tests point it at a fake. */
  readonly apiRoot: string;
  /**
   * Longest `retry_after` (seconds) waited in place on a 429; a longer one fails the attempt and
   * BullMQ retries the job later. Default 30.
   */
  readonly maxRetryAfterSeconds?: number;
}

/** Cuts a text into pieces Telegram accepts, at a line or word break when there is one. */
export function splitForTelegram(text: string, max = TELEGRAM_MAX_MESSAGE_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > max / 2 ? cut : max;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  parts.push(rest);
  return parts;
}

/**
 * A Telegram sender over grammY's `Api`, with the auto-retry transformer: a 429 is waited out for
 * its `retry_after` (up to `maxRetryAfterSeconds`, three times at most); a 5xx or network error
 * fails the attempt at once, for the job's own backoff to retry.
 * Long texts go as several messages, in order; the button, if any, goes under the last one.
 */
export function createTelegramSender(options: TelegramSenderOptions): TelegramSend {
  const api = new Api(options.token, { apiRoot: options.apiRoot });
  // Only 429s are retried in place; 5xx and network errors fail the attempt, so that BullMQ's
  // backoff (and the attempt count recorded on the message) handles them, and no job hangs for hours.
  api.config.use(
    autoRetry({
      maxRetryAttempts: 3,
      maxDelaySeconds: options.maxRetryAfterSeconds ?? 30,
      rethrowInternalServerErrors: true,
      rethrowHttpErrors: true,
    }),
  );
  return async (chatId, text, button) => {
    const parts = splitForTelegram(text);
    for (const [i, part] of parts.entries()) {
      const markup =
        button && i === parts.length - 1
          ? { reply_markup: { inline_keyboard: [[{ text: button.label, callback_data: button.data }]] } }
          : {};
      await api.sendMessage(chatId, part, { link_preview_options: { is_disabled: true }, ...markup });
    }
  };
}

import { GrammyError, HttpError } from 'grammy';

/** Why a delivery attempt failed, safe to store and log: a code and the API's description only. */
export interface DeliveryFailure {
  readonly reason: string;
  /** True when retrying can never help (blocked bot, deleted chat, bad request). */
  readonly permanent: boolean;
}

/**
 * Classifies a failed send. Telegram 4xx answers other than 429 are permanent (the reporter
 * blocked the bot, the chat is gone, the request is wrong); 429 beyond the waited limit, 5xx and
 * network errors are retried. Never includes the chat id or the text.
 */
export function classifyDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof GrammyError) {
    const permanent = error.error_code >= 400 && error.error_code < 500 && error.error_code !== 429;
    return { reason: `telegram ${error.error_code}: ${error.description}`, permanent };
  }
  if (error instanceof HttpError) return { reason: 'telegram unreachable (network error)', permanent: false };
  return { reason: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error', permanent: false };
}

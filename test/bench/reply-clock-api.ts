import { startFakeBotApi } from '../load/fake-bot-api.ts';

/** The Bot API calls that put a reply in front of the person: a new message, or the last one rewritten. */
const REPLY_METHODS = new Set(['sendMessage', 'editMessageText', 'editMessageReplyMarkup']);

/**
 * A Telegram Bot API stand-in on loopback that notes, per chat, when each reply call arrived
 * (`performance.now()` of this process, as the request's headers came in): the bench's clock for
 * "the bot's reply written out". It is `test/load/fake-bot-api.ts`, which answers every call at once.
 */
export interface ReplyClockApi {
  /** What `TELEGRAM_API_ROOT` must be set to. */
  readonly url: string;
  /** When the first reply call to `chatId` at or after `since` (`performance.now()`) arrived, if any. */
  firstReplyAfter(chatId: number, since: number): number | undefined;
  close(): Promise<void>;
}

/** Starts a {@link ReplyClockApi}: the load's fake Bot API, watching its reply calls. */
export async function startReplyClockApi(): Promise<ReplyClockApi> {
  const replies = new Map<number, number[]>();
  const api = await startFakeBotApi({
    onCall(method, body, arrivedAt) {
      if (!REPLY_METHODS.has(method) || typeof body.chat_id !== 'number') return;
      const list = replies.get(body.chat_id) ?? [];
      list.push(arrivedAt);
      replies.set(body.chat_id, list);
    },
  });
  return {
    url: api.url,
    firstReplyAfter: (chatId, since) => replies.get(chatId)?.find((at) => at >= since),
    close: () => api.close(),
  };
}

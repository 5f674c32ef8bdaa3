import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { FAKE_BOT } from '../support/fake-telegram.ts';

/** The Bot API calls that put a reply in front of the person: a new message, or the last one rewritten. */
const REPLY_METHODS = new Set(['sendMessage', 'editMessageText', 'editMessageReplyMarkup']);

/**
 * A Telegram Bot API stand-in on loopback that notes, per chat, when each reply call arrived
 * (`performance.now()` of this process, as the request's headers came in): the bench's clock for
 * "the bot's reply written out". It answers every call at once, as `test/load/fake-bot-api.ts` does.
 */
export interface ReplyClockApi {
  /** What `TELEGRAM_API_ROOT` must be set to. */
  readonly url: string;
  /** When the first reply call to `chatId` at or after `since` (`performance.now()`) arrived, if any. */
  firstReplyAfter(chatId: number, since: number): number | undefined;
  close(): Promise<void>;
}

/** Starts a {@link ReplyClockApi}. */
export async function startReplyClockApi(): Promise<ReplyClockApi> {
  let messageId = 1;
  const replies = new Map<number, number[]>();
  const server: Server = createServer((req, res) => {
    const arrived = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = req.url?.split('/').pop() ?? '';
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
      } catch {
        // a multipart upload: answered like any other call
      }
      if (REPLY_METHODS.has(method) && typeof body.chat_id === 'number') {
        const list = replies.get(body.chat_id) ?? [];
        list.push(arrived);
        replies.set(body.chat_id, list);
      }
      const result =
        method === 'sendMessage'
          ? {
              message_id: ++messageId,
              date: Math.floor(Date.now() / 1000),
              chat: { id: body.chat_id, type: 'private' },
              text: body.text,
            }
          : method === 'getMe'
            ? FAKE_BOT
            : true;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    firstReplyAfter: (chatId, since) => replies.get(chatId)?.find((at) => at >= since),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

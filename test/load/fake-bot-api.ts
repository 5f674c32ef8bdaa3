import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { FAKE_BOT } from '../support/fake-telegram.ts';

/** A Telegram Bot API stand-in on loopback, fast enough for load: answers every call at once. */
export interface FakeBotApi {
  /** What `TELEGRAM_API_ROOT` must be set to. */
  readonly url: string;
  /** The texts sent to one chat, in order. */
  textsOf(chatId: number): readonly string[];
  /** Number of Bot API calls received. */
  calls(): number;
  close(): Promise<void>;
}

/** What a test may watch: every call, its parsed body, and when its request came in (`performance.now()`). */
export interface FakeBotApiOptions {
  onCall?(method: string, body: Record<string, unknown>, arrivedAt: number): void;
}

/** Starts a {@link FakeBotApi} that records what each chat was sent (sendMessage and editMessageText). */
export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  let messageId = 1;
  let calls = 0;
  const texts = new Map<number, string[]>();
  const server: Server = createServer((req, res) => {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls += 1;
      const method = req.url?.split('/').pop() ?? '';
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
      } catch {
        // a multipart upload or garbage: answered like any other call
      }
      options.onCall?.(method, body, arrivedAt);
      if (
        (method === 'sendMessage' || method === 'editMessageText') &&
        typeof body.chat_id === 'number' &&
        typeof body.text === 'string'
      ) {
        const list = texts.get(body.chat_id) ?? [];
        list.push(body.text);
        texts.set(body.chat_id, list);
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
    textsOf: (chatId) => texts.get(chatId) ?? [],
    calls: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

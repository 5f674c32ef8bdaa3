import type { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RelaisConfig } from '@relais/core';
import { awayFromWindowEdge } from '../support/rate-window.ts';
import { startDirectLineServer, type DirectLineServer } from '../support/directline-server.ts';
import { EchoBot } from '../support/echo-bot.ts';
import { waitFor } from '../support/wait-for.ts';

const STREAM_LIMITS = { perConversation: 2, perAddress: 3 };
/** Lower than the default 8 MiB an hour, so that one address reaches it quickly. */
const BYTES_PER_ADDRESS = { max: 512 * 1024, windowSeconds: 3600 };

let server: DirectLineServer;
let config: RelaisConfig;
let redis: Redis;
let base: string;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  // What the person posts is what fills Redis: the bot greets, then answers a short "ok".
  server = await startDirectLineServer('dl-quotas', new EchoBot(), {
    endpoint: { streamLimits: STREAM_LIMITS, storedBytesPerAddress: BYTES_PER_ADDRESS },
    // Loopback is a trusted proxy here, so X-Forwarded-For plays clients at other addresses.
    trustProxy: '127.0.0.1',
  });
  ({ config, redis, base } = server);
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await server?.close();
});

interface Started {
  conversationId: string;
  token: string;
  streamUrl: string;
}

/** A conversation started (welcome sent), as a client at `address` would start it. */
async function start(address = '203.0.113.1'): Promise<Started> {
  const forwarded = { 'x-forwarded-for': address, 'content-type': 'application/json' };
  const granted = (await (
    await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: forwarded, body: '{}' })
  ).json()) as { token: string };
  const response = await fetch(`${base}/v3/directline/conversations`, {
    method: 'POST',
    headers: { ...forwarded, authorization: `Bearer ${granted.token}` },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Started;
}

const post = (c: Started, body: Record<string, unknown>, address = '203.0.113.1') =>
  fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ type: 'message', from: { id: 'x' }, ...body }),
  });

const activitiesKey = (c: Started) => `${config.queuePrefix}:dl:acts:${c.conversationId}`;
const memoryOf = async (key: string) => Number(await redis.memory('USAGE', key));

const LONG = 'Il me suit depuis la gare. '.repeat(740); // 19,980 characters

describe('what a client posts is stored small, and a conversation holds a bounded amount', () => {
  it('a message with 100 KiB of channelData and value stores a small activity', async () => {
    const c = await start();
    expect((await post(c, { text: 'premier' })).status).toBe(200);
    const before = await memoryOf(activitiesKey(c));
    const junk = 'z'.repeat(100 * 1024);
    const response = await post(c, {
      text: 'bonjour',
      value: { choice: 'role:victim', junk: junk.slice(0, 1000) },
      channelData: { clientActivityID: 'c-1', junk },
    });
    expect(response.status).toBe(200);
    const after = await memoryOf(activitiesKey(c));
    // The message and the bot's "ok": a few hundred bytes each, sealed; not 100 KiB.
    expect(after - before).toBeLessThan(2048);
    const page = (await (
      await fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities`, {
        headers: { authorization: `Bearer ${c.token}` },
      })
    ).json()) as { activities: { text?: string; value?: unknown; channelData?: unknown }[] };
    expect(page.activities.find((a) => a.text === 'bonjour')).toMatchObject({
      value: { choice: 'role:victim' },
      channelData: { clientActivityID: 'c-1' },
    });
    expect(JSON.stringify(page)).not.toContain('zzzz');
  });

  it('a message too big once stored is refused with 413 MessageSizeTooBig, in French and English', async () => {
    const c = await start();
    const response = await post(c, { text: '\u0001'.repeat(20_000) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'MessageSizeTooBig',
      message: expect.stringMatching(/trop long pour être envoyé.*too long to send/),
    });
  });

  it('a conversation past 256 KiB refuses what the person posts with 413, and Redis holds no more', async () => {
    const c = await start('203.0.113.2');
    const statuses: number[] = [];
    while (statuses.at(-1) !== 413 && statuses.length < 20)
      statuses.push((await post(c, { text: LONG }, '203.0.113.2')).status);
    // 12 long messages and their answers fit in 256 KiB; the 13th does not.
    expect(statuses).toEqual([...Array<number>(12).fill(200), 413]);
    const full = await memoryOf(activitiesKey(c));
    const refused = await post(c, { text: `${LONG} encore` }, '203.0.113.2');
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'ConversationSizeTooBig',
      message: expect.stringMatching(/trop longue pour continuer.*too long to go on/),
    });
    expect(await memoryOf(activitiesKey(c))).toBe(full);
    // 256 KiB of data; Redis' allocator rounds each 20 KB value up, hence the margin.
    expect(full).toBeLessThan(320 * 1024);
    // Another conversation is not affected.
    expect((await post(await start(), { text: 'bonjour' })).status).toBe(200);
  });

  it('one address may have stored only its budget of bytes an hour, over its conversations; another address may go on', async () => {
    const address = '203.0.113.3';
    const conversations = [await start(address), await start(address), await start(address)];
    const statuses: number[] = [];
    for (let i = 0; statuses.at(-1) !== 429 && i < 40; i++)
      statuses.push((await post(conversations[i % 3]!, { text: LONG }, address)).status);
    // About 20 KB each: 26 fit in 512 KiB, spread over three conversations under their own cap.
    expect(statuses).toEqual([...Array<number>(26).fill(200), 429]);
    const short = await post(conversations[0]!, { text: 'bonjour' }, address);
    expect(short.status).toBe(200); // a short message still fits
    const over = await post(conversations[1]!, { text: LONG }, address);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await over.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'TooManyRequests',
      message: expect.stringMatching(/patientez un moment.*wait a while/),
    });
    const elsewhere = await start('203.0.113.4');
    expect((await post(elsewhere, { text: LONG }, '203.0.113.4')).status).toBe(200);
  });

  it('a burst of 100 simultaneous messages in one conversation is limited exactly like 100 in a row', async () => {
    await awayFromWindowEdge();
    const [burst, row] = [await start(), await start()];
    const together = await Promise.all(
      Array.from({ length: 100 }, (_, i) => post(burst, { text: `m${i}` }).then((r) => r.status)),
    );
    const oneByOne: number[] = [];
    for (let i = 0; i < 100; i++) oneByOne.push((await post(row, { text: `m${i}` })).status);
    const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;
    expect([count(together, 200), count(together, 429)]).toEqual([40, 60]);
    expect([count(oneByOne, 200), count(oneByOne, 429)]).toEqual([40, 60]);
  });
});

/** Opens a stream (as a client at `address`): 'streaming' once its first frame arrives, or the close code and reason. */
function openStream(url: string, address = '203.0.113.1'): Promise<{ socket: WebSocket; outcome: string }> {
  const socket = new WebSocket(url, { headers: { 'x-forwarded-for': address } });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('message', (data) => {
      if (String(data)) resolve({ socket, outcome: 'streaming' });
    });
    socket.on('close', (code, reason) => resolve({ socket, outcome: `${code} ${String(reason)}` }));
    socket.on('error', reject);
  });
}

describe('WebSocket streams per conversation and per address', () => {
  it('a third stream of one conversation is closed with 4429, refreshed tokens included; closing one frees a place', async () => {
    const c = await start('198.51.100.7');
    const first = await openStream(c.streamUrl, '198.51.100.7');
    const second = await openStream(c.streamUrl, '198.51.100.7');
    expect([first.outcome, second.outcome]).toEqual(['streaming', 'streaming']);
    const refreshed = (await (
      await fetch(`${base}/v3/directline/tokens/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${c.token}` },
      })
    ).json()) as { token: string };
    const url = new URL(c.streamUrl);
    url.searchParams.set('t', refreshed.token);
    const third = await openStream(url.toString(), '198.51.100.7');
    expect(third.outcome).toBe('4429 too many streams for this conversation: poll activities instead');
    first.socket.close();
    const again = await waitFor(
      async () => {
        const attempt = await openStream(url.toString(), '198.51.100.7');
        return attempt.outcome === 'streaming' ? attempt : undefined;
      },
      10_000,
      'a place freed by the closed stream',
    );
    expect(again.outcome).toBe('streaming');
  });

  it('one address gets at most its cap of streams over its conversations; another address is not affected', async () => {
    const address = '192.0.2.44';
    const [a, b] = [await start(address), await start(address)];
    const opened = [
      await openStream(a.streamUrl, address),
      await openStream(a.streamUrl, address),
      await openStream(b.streamUrl, address),
    ];
    expect(opened.map((o) => o.outcome)).toEqual(['streaming', 'streaming', 'streaming']);
    expect((await openStream(b.streamUrl, address)).outcome).toBe(
      '4429 too many streams for this address: poll activities instead',
    );
    const elsewhere = await start('192.0.2.45');
    expect((await openStream(elsewhere.streamUrl, '192.0.2.45')).outcome).toBe('streaming');
    // No address in clear in a key name.
    const keys = await redis.keys(`${config.queuePrefix}:dl:streams:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/192\.0\.2|198\.51\.100/);
  });
});

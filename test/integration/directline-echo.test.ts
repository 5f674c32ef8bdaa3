import Fastify, { type FastifyInstance } from 'fastify';
import { ActivityHandler } from 'botbuilder';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, type RelaisConfig } from '@relais/core';
import { createDirectLineEndpoint, type DirectLineEndpoint } from '@relais/bots';
import { loadDirectLineClient } from '../support/directline-client.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity('hello');
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity({ text: `echo: ${context.activity.text}`, suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'again', value: 'again' }] } });
      await next();
    });
  }
}

let config: RelaisConfig;
let redis: Redis;
let endpoint: DirectLineEndpoint;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  config = testConfig();
  redis = new Redis(config.redisUrl);
  endpoint = createDirectLineEndpoint({ redis, keyring: createKeyring(config.dataKey!), prefix: config.queuePrefix, logger: capturedLogger('dl').logger, bot: new EchoBot() });
  app = Fastify();
  await endpoint.register(app);
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  endpoint?.close();
  const keys = await redis.keys(`${config.queuePrefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis?.disconnect();
});

async function token(body: unknown = {}) {
  const response = await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as { conversationId: string; token: string; expires_in: number };
}

describe('Direct Line 3.0 compatible endpoint', () => {
  for (const webSocket of [true, false]) {
    it(`serves the official botframework-directlinejs client (${webSocket ? 'WebSocket stream' : 'polling'})`, async () => {
      const { DirectLine } = loadDirectLineClient();
      const { token: t } = await token();
      const client = new DirectLine({ token: t, domain: `${base}/v3/directline`, webSocket, pollingInterval: 200 });
      const received: Array<{ from: { id: string }; text?: string; suggestedActions?: unknown }> = [];
      const subscription = client.activity$.subscribe((a) => received.push(a as (typeof received)[number]));
      await waitFor(async () => (received.some((a) => a.text === 'hello') ? true : undefined), 10_000, 'the welcome');
      await new Promise<void>((resolve, reject) =>
        client.postActivity({ type: 'message', from: { id: 'person' }, text: 'bonjour' }).subscribe({ next: () => resolve(), error: reject }),
      );
      const echo = await waitFor(async () => received.find((a) => a.text === 'echo: bonjour'), 10_000, 'the echo');
      expect(echo.suggestedActions).toMatchObject({ actions: [{ title: 'again' }] });
      expect(received.some((a) => a.text === 'bonjour')).toBe(true); // its own message, echoed back with an id
      subscription.unsubscribe();
      client.end();
    });
  }

  it('pages activities with watermarks', async () => {
    const { conversationId, token: t } = await token({ tunnel: 'montpellier' });
    const auth = { authorization: `Bearer ${t}`, 'content-type': 'application/json' };
    expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: auth })).status).toBe(201);
    await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'un' }) });
    const all = (await (await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, { headers: auth })).json()) as { activities: { text: string }[]; watermark: string };
    expect(all.activities.map((a) => a.text)).toEqual(['hello', 'un', 'echo: un']);
    expect(all.watermark).toBe('3');
    const after = (await (await fetch(`${base}/v3/directline/conversations/${conversationId}/activities?watermark=2`, { headers: auth })).json()) as { activities: { text: string }[] };
    expect(after.activities.map((a) => a.text)).toEqual(['echo: un']);
  });

  it('refuses a forged or foreign token, an unknown conversation and a malformed activity, clearly', async () => {
    const mine = await token();
    const theirs = await token();
    const post = (id: string, tokenValue: string, body: unknown) =>
      fetch(`${base}/v3/directline/conversations/${id}/activities`, { method: 'POST', headers: { authorization: `Bearer ${tokenValue}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post(theirs.conversationId, mine.token, { type: 'message', from: { id: 'x' }, text: 'hi' })).status).toBe(403);
    expect((await post(mine.conversationId, `${mine.token}x`, { type: 'message', from: { id: 'x' }, text: 'hi' })).status).toBe(403);
    const bad = await post(mine.conversationId, mine.token, { type: 'message', from: { id: 'x' }, text: 'x'.repeat(20_001) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/at most 20,000 characters/);
    expect((await fetch(`${base}/v3/directline/conversations/nope/activities`, { headers: { authorization: `Bearer ${mine.token}` } })).status).toBe(403);
  });

  it('slows down one flooding conversation with a friendly message, without slowing another', async () => {
    const flood = await token();
    const calm = await token();
    const post = (id: string, t: string, text: string) =>
      fetch(`${base}/v3/directline/conversations/${id}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', from: { id: 'x' }, text }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await post(flood.conversationId, flood.token, `spam ${i}`)).status);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    const limited = await post(flood.conversationId, flood.token, 'one more');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/patientez une minute, votre saisie est conservée/);
    expect((await post(calm.conversationId, calm.token, 'bonjour')).status).toBe(200);
  });

  it('keeps no readable message text in Redis', async () => {
    const { conversationId, token: t } = await token();
    await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'mon numéro est le 06 11 22 33 44' }),
    });
    for (const key of await redis.keys(`${config.queuePrefix}:dl:*`)) {
      const type = await redis.type(key);
      const dump = type === 'hash' ? JSON.stringify(await redis.hgetallBuffer(key)) : '';
      expect(Buffer.from(dump).toString('latin1')).not.toContain('06 11 22 33 44');
    }
  });
});

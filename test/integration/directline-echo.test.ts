import Fastify, { type FastifyInstance } from 'fastify';
import { ActivityHandler } from 'botbuilder';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, type RelaisConfig } from '@relais/core';
import { createDirectLineEndpoint, type DirectLineEndpoint } from '@relais/bots';
import { loadDirectLineClient } from '../support/directline-client.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { awayFromWindowEdge } from '../support/rate-window.ts';
import { startDirectLineServer, type DirectLineServer } from '../support/directline-server.ts';
import { waitFor } from '../support/wait-for.ts';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity('hello');
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity({
        text: `echo: ${context.activity.text}`,
        suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'again', value: 'again' }] },
      });
      await next();
    });
  }
}

let server: DirectLineServer;
let config: RelaisConfig;
let redis: Redis;
let endpoint: DirectLineEndpoint;
let base: string;

beforeAll(async () => {
  server = await startDirectLineServer('dl', new EchoBot());
  ({ config, redis, endpoint, base } = server);
});

afterAll(async () => {
  await server?.close();
});

async function token(body: unknown = {}) {
  const response = await fetch(`${base}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { conversationId: string; token: string; expires_in: number };
}

describe('Direct Line 3.0 compatible endpoint', () => {
  for (const webSocket of [true, false]) {
    it(`serves the official botframework-directlinejs client (${webSocket ? 'WebSocket stream' : 'polling'})`, async () => {
      const { DirectLine } = loadDirectLineClient();
      const { token: t } = await token();
      const client = new DirectLine({ token: t, domain: `${base}/v3/directline`, webSocket, pollingInterval: 200 });
      const received: Array<{ from: { id: string }; text?: string; suggestedActions?: unknown }> = [];
      const subscription = client.activity$.subscribe((a) => received.push(a));
      await waitFor(async () => (received.some((a) => a.text === 'hello') ? true : undefined), 10_000, 'the welcome');
      await new Promise<void>((resolve, reject) =>
        client
          .postActivity({ type: 'message', from: { id: 'person' }, text: 'bonjour' })
          .subscribe({ next: () => resolve(), error: reject }),
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
    await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'un' }),
    });
    const all = (await (
      await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, { headers: auth })
    ).json()) as { activities: { text: string }[]; watermark: string };
    expect(all.activities.map((a) => a.text)).toEqual(['hello', 'un', 'echo: un']);
    expect(all.watermark).toBe('3');
    const after = (await (
      await fetch(`${base}/v3/directline/conversations/${conversationId}/activities?watermark=2`, { headers: auth })
    ).json()) as { activities: { text: string }[] };
    expect(after.activities.map((a) => a.text)).toEqual(['echo: un']);
  });

  it('refuses a forged or foreign token, an unknown conversation and a malformed activity, clearly', async () => {
    const mine = await token();
    const theirs = await token();
    const post = (id: string, tokenValue: string, body: unknown) =>
      fetch(`${base}/v3/directline/conversations/${id}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenValue}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await post(theirs.conversationId, mine.token, { type: 'message', from: { id: 'x' }, text: 'hi' })).status,
    ).toBe(403);
    expect(
      (await post(mine.conversationId, `${mine.token}x`, { type: 'message', from: { id: 'x' }, text: 'hi' })).status,
    ).toBe(403);
    const bad = await post(mine.conversationId, mine.token, {
      type: 'message',
      from: { id: 'x' },
      text: 'x'.repeat(20_001),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/at most 20,000 characters/);
    expect(
      (
        await fetch(`${base}/v3/directline/conversations/nope/activities`, {
          headers: { authorization: `Bearer ${mine.token}` },
        })
      ).status,
    ).toBe(403);
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
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(
      /patientez une minute, votre saisie est conservée/,
    );
    expect((await post(calm.conversationId, calm.token, 'bonjour')).status).toBe(200);
  });

  it('answers 403 TokenExpired to an expired token, on every route, and refreshes a valid one', async () => {
    const { conversationId, token: fresh } = await token();
    const expired = endpoint.tokens.issue(conversationId, 'person', Date.now() - 2 * 3600_000).token;
    const auth = (t: string) => ({ authorization: `Bearer ${t}`, 'content-type': 'application/json' });
    const calls = [
      () => fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: auth(expired) }),
      () => fetch(`${base}/v3/directline/tokens/refresh`, { method: 'POST', headers: auth(expired) }),
      () => fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, { headers: auth(expired) }),
      () =>
        fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
          method: 'POST',
          headers: auth(expired),
          body: JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'hi' }),
        }),
    ];
    for (const call of calls) {
      const response = await call();
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'TokenExpired',
        message: expect.stringMatching(/generate a new one/),
      });
    }
    const refreshed = await fetch(`${base}/v3/directline/tokens/refresh`, { method: 'POST', headers: auth(fresh) });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { conversationId: string; token: string; expires_in: number };
    expect(body).toMatchObject({ conversationId, expires_in: 3600 });
    expect(
      (await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: auth(body.token) })).status,
    ).toBe(201);
  });

  it('answers 404 to a valid token for a conversation that does not exist (or expired)', async () => {
    const ghost = endpoint.tokens.issue('0123456789abcdef0123456789abcdef', 'person').token;
    const headers = { authorization: `Bearer ${ghost}`, 'content-type': 'application/json' };
    const responses = [
      await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers }),
      await fetch(`${base}/v3/directline/conversations/0123456789abcdef0123456789abcdef`, { headers }),
      await fetch(`${base}/v3/directline/conversations/0123456789abcdef0123456789abcdef/activities`, { headers }),
      await fetch(`${base}/v3/directline/conversations/0123456789abcdef0123456789abcdef/activities`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'hi' }),
      }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'BadArgument',
        message: expect.stringMatching(/expired|unknown conversation/),
      });
    }
    expect(await redis.exists(`${config.queuePrefix}:dl:conv:0123456789abcdef0123456789abcdef`)).toBe(0); // nothing created by the attempt
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

describe('Direct Line flood limits per client address', () => {
  let limited: DirectLineEndpoint;
  let limitedApp: FastifyInstance;
  let limitedBase: string;

  beforeAll(async () => {
    // A prefix of its own: these counters must start from zero, whatever the tests above did.
    limited = createDirectLineEndpoint({
      redis,
      keyring: createKeyring(config.dataKey!),
      prefix: `${config.queuePrefix}-limits`,
      logger: capturedLogger('dl-limits').logger,
      bot: new EchoBot(),
    });
    limitedApp = Fastify();
    await limited.register(limitedApp);
    limitedBase = await limitedApp.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await limitedApp?.close();
    limited?.close();
    const keys = await redis.keys(`${config.queuePrefix}-limits:*`);
    if (keys.length) await redis.del(...keys);
  });

  const generate = () =>
    fetch(`${limitedBase}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  const expectSlowDown = async (response: Response) => {
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(61);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'TooManyRequests',
      message: expect.stringMatching(/patientez une minute, votre saisie est conservée.*what you typed is kept/),
    });
  };

  it(
    'answers 429 with Retry-After and the friendly message past 240 messages a minute from one address, over several conversations',
    { timeout: 60_000 },
    async () => {
      await awayFromWindowEdge();
      const conversations: { conversationId: string; token: string }[] = [];
      for (let i = 0; i < 7; i++)
        conversations.push((await (await generate()).json()) as { conversationId: string; token: string });
      const post = (c: { conversationId: string; token: string }, text: string) =>
        fetch(`${limitedBase}/v3/directline/conversations/${c.conversationId}/activities`, {
          method: 'POST',
          headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', from: { id: 'x' }, text }),
        });
      // 6 conversations × 40 messages: each under its own limit, 240 in all from this address.
      const statuses = await Promise.all(
        conversations
          .slice(0, 6)
          .flatMap((c) => Array.from({ length: 40 }, (_, i) => post(c, `m${i}`).then((r) => r.status))),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(240);
      await expectSlowDown(await post(conversations[6]!, 'one too many'));
    },
  );

  it('answers 429 with Retry-After and the friendly message past 30 new conversations a minute from one address', async () => {
    await awayFromWindowEdge();
    // The test above made 7; 23 more reach the limit of 30 in this window, if it is still the same one.
    const statuses: number[] = [];
    let response: Response;
    for (;;) {
      response = await generate();
      if (response.status !== 200) break;
      statuses.push(response.status);
      expect(statuses.length).toBeLessThanOrEqual(30);
    }
    await expectSlowDown(response);
  });
});

import Fastify, { type FastifyInstance } from 'fastify';
import { ActivityHandler } from 'botbuilder';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, type RelaisConfig } from '@relais/core';
import { createDirectLineEndpoint, type DirectLineEndpoint } from '@relais/bots';
import { freePort } from '../support/free-port.ts';
import { startLaggyProxy } from '../support/laggy-proxy.ts';
import { capturedLogger } from '../support/log-capture.ts';
import { testConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';
import { deletePrefixKeys } from '../support/redis-scan.ts';

/** Answers on whichever instance took the message, saying which. */
class InstanceBot extends ActivityHandler {
  constructor(name: string) {
    super();
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity(`hello from ${name}`);
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity(`${name} got: ${context.activity.text}`);
      await next();
    });
  }
}

interface Instance {
  endpoint: DirectLineEndpoint;
  app: FastifyInstance;
  base: string;
  redis: Redis;
}

let config: RelaisConfig;
const instances: Instance[] = [];

beforeAll(async () => {
  config = testConfig();
  const keyring = createKeyring(config.dataKey!);
  for (const name of ['A', 'B']) {
    // Each instance has its own Redis connection, as two processes would.
    const redis = new Redis(config.redisUrl);
    const port = await freePort();
    const endpoint = createDirectLineEndpoint({
      redis,
      keyring,
      prefix: config.queuePrefix,
      logger: capturedLogger(`dl-${name}`).logger,
      bot: new InstanceBot(name),
      rateLimits: false,
      publicUrl: `http://127.0.0.1:${port}`,
    });
    const app = Fastify();
    await endpoint.register(app);
    instances.push({ endpoint, app, redis, base: await app.listen({ host: '127.0.0.1', port }) });
  }
});

afterAll(async () => {
  for (const { app, endpoint } of instances) {
    await app.close();
    endpoint.close();
  }
  const redis = instances[0]?.redis;
  if (redis) {
    await deletePrefixKeys(redis, config.queuePrefix);
  }
  for (const { redis: r } of instances) r.disconnect();
});

type Frame = {
  activities: { id: string; text?: string; timestamp: string; from: { role?: string } }[];
  watermark: string;
};

describe('two Direct Line instances serving one conversation', () => {
  it('alternate posts on A and B form one conversation, and a stream open on A gets what was posted via B', async () => {
    const [a, b] = instances as [Instance, Instance];
    const granted = (await (
      await fetch(`${a.base}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { conversationId: string; token: string };
    const headers = { authorization: `Bearer ${granted.token}`, 'content-type': 'application/json' };
    const started = (await (
      await fetch(`${b.base}/v3/directline/conversations`, { method: 'POST', headers })
    ).json()) as { streamUrl: string };
    // The stream URL names B; open the same stream on A instead.
    const streamOnA = started.streamUrl.replace(new URL(b.base).host, new URL(a.base).host);
    const socket = new WebSocket(streamOnA);
    const streamed: Frame['activities'] = [];
    socket.on('message', (data) => {
      const text = String(data);
      if (text) streamed.push(...(JSON.parse(text) as Frame).activities);
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));

    const sent = ['un', 'deux', 'trois', 'quatre'];
    for (const [i, text] of sent.entries()) {
      const via = i % 2 === 0 ? b : a;
      const response = await fetch(`${via.base}/v3/directline/conversations/${granted.conversationId}/activities`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'message', from: { id: 'p' }, text }),
      });
      expect(response.status).toBe(200);
    }
    const expected = [
      'hello from B',
      'un',
      'B got: un',
      'deux',
      'A got: deux',
      'trois',
      'B got: trois',
      'quatre',
      'A got: quatre',
    ];
    await waitFor(
      async () => (streamed.length >= expected.length ? true : undefined),
      10_000,
      'every activity on the stream of A',
    );
    expect(streamed.map((x) => x.text)).toEqual(expected);
    // Both instances serve the same transcript, with the same ids and watermark.
    const pages = await Promise.all(
      [a, b].map(
        async (i) =>
          (await (
            await fetch(`${i.base}/v3/directline/conversations/${granted.conversationId}/activities`, { headers })
          ).json()) as Frame,
      ),
    );
    expect(pages[0]).toEqual(pages[1]);
    expect(pages[0]!.activities.map((x) => x.id)).toEqual(streamed.map((x) => x.id));
    expect(pages[0]!.watermark).toBe(String(expected.length));
    const times = pages[0]!.activities.map((x) => Date.parse(x.timestamp));
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
    socket.close();
  });

  it(
    'a reader never skips an activity while two remote instances append to one conversation at once',
    { timeout: 60_000 },
    async () => {
      // Writers reach Redis over a slow link (10 ms each way), as instances on other machines do;
      // the reader is close to Redis and polls as fast as it can.
      const target = new URL(config.redisUrl);
      const proxy = await startLaggyProxy(target.hostname, Number(target.port || 6379), 10);
      const laggy = `redis://${target.username ? `${target.username}:${target.password}@` : ''}127.0.0.1:${proxy.port}${target.pathname}`;
      const keyring = createKeyring(config.dataKey!);
      const open = (name: string, url: string) => {
        const redis = new Redis(url);
        return {
          redis,
          endpoint: createDirectLineEndpoint({
            redis,
            keyring,
            prefix: config.queuePrefix,
            logger: capturedLogger(`dl-${name}`).logger,
            bot: new InstanceBot(name),
          }),
        };
      };
      const [w1, w2, reader] = [open('W1', laggy), open('W2', laggy), open('R', config.redisUrl)];
      const id = `race${Date.now()}`;
      await reader.endpoint.store.create({ id, tunnel: null, locale: null, createdAt: new Date().toISOString() });
      const perWriter = 40;
      let writing = true;
      const read: string[] = [];
      const polling = (async () => {
        let watermark = 0;
        for (;;) {
          const page = await reader.endpoint.store.since(id, watermark);
          read.push(...page.activities.map((x) => x.text!));
          watermark = page.watermark;
          if (!writing && page.activities.length === 0) break;
        }
      })();
      // Each writer sends bursts of five concurrent appends, one burst after another.
      const writer = async (w: typeof w1, name: string) => {
        for (let burst = 0; burst < perWriter / 5; burst++) {
          await Promise.all(
            Array.from({ length: 5 }, (_, i) =>
              w.endpoint.store.append(id, [
                { type: 'message', from: { id: 'p', role: 'user' }, text: `${name}${burst * 5 + i}` },
              ]),
            ),
          );
        }
      };
      await Promise.all([writer(w1, 'a'), writer(w2, 'b')]);
      writing = false;
      await polling;
      const all = (await reader.endpoint.store.since(id, 0)).activities;
      expect(all).toHaveLength(2 * perWriter);
      expect(all.map((x) => x.id)).toEqual(all.map((_, i) => `${id}|${String(i).padStart(7, '0')}`));
      expect(read).toEqual(all.map((x) => x.text)); // nothing skipped, nothing twice, in order
      // Bursts land in the same millisecond: the timestamps still increase strictly, in slot order
      // (Web Chat sorts its transcript by them), though two instances wrote them.
      const times = all.map((x) => Date.parse(x.timestamp!));
      expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
      expect(times.at(-1)! - Date.now()).toBeLessThan(5_000); // one apart, not drifting from the clock
      // The time kept before each envelope, in epoch ms, is the one the activity is served with.
      const slot = (await reader.redis.hgetBuffer(`${config.queuePrefix}:dl:acts:${id}`, '0'))!;
      expect(slot.toString('latin1', 0, 13)).toBe(String(times[0]));
      for (const w of [w1, w2, reader]) {
        w.endpoint.close();
        w.redis.disconnect();
      }
      await proxy.close();
    },
  );
});

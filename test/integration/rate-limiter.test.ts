import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { RateLimiter, createKeyring, createRedis, type RateCounter } from '@relais/core';
import { testConfig } from '../support/test-config.ts';

const config = testConfig();
const prefix = config.queuePrefix;
const redis = createRedis(config.redisUrl, 'relais-test-rate-limiter');
const limiter = new RateLimiter(redis, { prefix, keyring: createKeyring(config.dataKey!) });
let seq = 0;
/** A counter of its own per test, so that tests never share a count. */
const counter = (max: number, windowSeconds: number, subject = `subject-${++seq}`): RateCounter => ({
  name: `test-${++seq}`,
  subject,
  limit: { max, windowSeconds },
});

async function keysUnderPrefix(): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

afterAll(async () => {
  const keys = await keysUnderPrefix();
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('createRedis', () => {
  it('opens a named connection that waits out outages (BullMQ needs maxRetriesPerRequest: null)', async () => {
    expect(await redis.client('GETNAME')).toBe('relais-test-rate-limiter');
    expect(redis.options.maxRetriesPerRequest).toBeNull();
    const failFast = createRedis(config.redisUrl, 'relais-test-fail-fast', { maxRetriesPerRequest: 20 });
    expect(failFast.options.maxRetriesPerRequest).toBe(20);
    failFast.disconnect();
  });
});

describe('flood control (hit)', () => {
  it('allows exactly the limit out of 200 simultaneous hits, and counts the refused ones too', async () => {
    const c = counter(10, 60);
    const now = Date.now();
    const verdicts = await Promise.all(Array.from({ length: 200 }, () => limiter.hit(c, now)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect(verdicts.map((v) => v.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(verdicts.filter((v) => v.count === 11)).toHaveLength(1);
  });

  it('says how long until the window ends, and starts afresh in the next window', async () => {
    const c = counter(2, 60);
    const windowStart = Math.floor(Date.now() / 60_000) * 60_000;
    const at = windowStart + 250;
    expect((await limiter.hit(c, at)).allowed).toBe(true);
    expect((await limiter.hit(c, at)).allowed).toBe(true);
    const refused = await limiter.hit(c, at);
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 59_750, retryAfterSeconds: 60, count: 3 });
    const next = await limiter.hit(c, windowStart + 60_000);
    expect(next).toMatchObject({ allowed: true, count: 1 });
  });

  it('lets a window counter expire from Redis by itself', async () => {
    const c = counter(1, 1);
    await limiter.hit(c);
    const [key] = (await keysUnderPrefix()).filter((k) => k.includes(`:rl:${c.name}:`));
    expect(key).toBeDefined();
    const ttl = await redis.pttl(key!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2_000);
    await sleep(ttl + 100);
    expect(await redis.exists(key!)).toBe(0);
  });
});

describe('budgets (spend)', () => {
  it('lets 200 simultaneous spends of 7 units use exactly what fits in a budget of 100, and refusals spend nothing', async () => {
    const c = counter(100, 60);
    const now = Date.now();
    const verdicts = await Promise.all(Array.from({ length: 200 }, () => limiter.spend(c, 7, now)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(14); // 98 units
    expect(verdicts.find((v) => !v.allowed)?.retryAfterSeconds).toBeGreaterThan(0);
    expect((await limiter.spend(c, 2, now)).allowed).toBe(true); // the refused ones left room for 2
    expect((await limiter.spend(c, 1, now)).allowed).toBe(false);
  });
});

describe('lock-out (reserve, release, reset)', () => {
  it('reserves exactly the limit out of 200 simultaneous attempts', async () => {
    const c = counter(10, 60);
    const verdicts = await Promise.all(Array.from({ length: 200 }, () => limiter.reserve([c])));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    const refused = verdicts.filter((v) => !v.allowed);
    expect(
      refused.every((v) => v.retryAfterMs > 59_000 && v.retryAfterMs <= 60_000 && v.retryAfterSeconds === 60),
    ).toBe(true);
  });

  it('counts nothing on any counter when one of them is full', async () => {
    const account = counter(1, 60);
    const address = counter(3, 60);
    expect((await limiter.reserve([account, address])).allowed).toBe(true);
    for (let i = 0; i < 5; i++) expect((await limiter.reserve([account, address])).allowed).toBe(false);
    // The address had one attempt: two more fit under its limit of three.
    expect((await limiter.reserve([address])).allowed).toBe(true);
    expect((await limiter.reserve([address])).allowed).toBe(true);
    expect((await limiter.reserve([address])).allowed).toBe(false);
  });

  it('gives an attempt back on release, and forgets every attempt on reset', async () => {
    const c = counter(2, 60);
    expect((await limiter.reserve([c])).allowed).toBe(true);
    await limiter.release([c]);
    expect((await limiter.reserve([c])).allowed).toBe(true);
    expect((await limiter.reserve([c])).allowed).toBe(true);
    expect((await limiter.reserve([c])).allowed).toBe(false);
    await limiter.reset([c]);
    expect((await limiter.reserve([c])).allowed).toBe(true);
  });

  it('opens the window at the first attempt, does not extend it, and allows again once it has passed', async () => {
    const c = counter(1, 2);
    expect((await limiter.reserve([c])).allowed).toBe(true);
    await sleep(300);
    const refused = await limiter.reserve([c]);
    expect(refused.allowed).toBe(false);
    // The refused attempt did not push the window's end: less than 2 s are left.
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(1_700);
    expect(refused.retryAfterSeconds).toBe(Math.ceil(refused.retryAfterMs / 1000));
    expect((await limiter.reserve([c])).retryAfterMs).toBeLessThanOrEqual(refused.retryAfterMs);
    await sleep(refused.retryAfterMs + 100);
    expect((await limiter.reserve([c])).allowed).toBe(true);
  });

  it('never recreates a counter whose window ended when an attempt is given back', async () => {
    const c = counter(1, 1);
    await limiter.reserve([c]);
    await sleep(1_200);
    await limiter.release([c]);
    expect((await keysUnderPrefix()).filter((k) => k.includes(`:rl:${c.name}:`))).toEqual([]);
  });
});

describe('key names', () => {
  it('never hold a subject in clear: addresses, Telegram ids and e-mails are hashed', async () => {
    const subjects = [
      '203.0.113.77',
      '2001:db8::4f2a',
      'telegram:640000123',
      '640000123',
      'camille.martin@example.org',
    ];
    for (const subject of subjects) {
      await limiter.hit({ name: 'sweep-hit', subject, limit: { max: 5, windowSeconds: 60 } });
      await limiter.reserve([{ name: 'sweep-lockout', subject, limit: { max: 5, windowSeconds: 60 } }]);
    }
    const keys = await keysUnderPrefix();
    const sweep = keys.filter((k) => k.includes(':rl:sweep-'));
    expect(sweep).toHaveLength(subjects.length * 2);
    for (const key of sweep) {
      expect(key).toMatch(new RegExp(`^${prefix}:rl:sweep-(hit|lockout):[0-9a-f]{64}(:\\d+)?$`));
      for (const subject of subjects) expect(key.toLowerCase()).not.toContain(subject);
    }
    for (const key of keys)
      for (const raw of ['203.0.113.77', '640000123', 'camille.martin']) expect(key).not.toContain(raw);
  });
});

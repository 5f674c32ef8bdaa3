import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdWritesThisTurn } from '@relais/worker';
import { testConfig } from '../support/test-config.ts';

let redis: Redis;
/** Writes the connection's socket handed to the system: `_write` and `_writev` calls (Writable's implementer API). */
let writes = 0;
const prefix = `${testConfig().queuePrefix}:hold`;

beforeAll(async () => {
  redis = new Redis(testConfig().redisUrl);
  await redis.ping();
  const socket = redis.stream as unknown as { _write: (...a: unknown[]) => void; _writev?: (...a: unknown[]) => void };
  const write = socket._write.bind(socket);
  socket._write = (...a) => {
    writes++;
    write(...a);
  };
  const writev = socket._writev?.bind(socket);
  if (writev) {
    socket._writev = (...a) => {
      writes++;
      writev(...a);
    };
  }
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('holdWritesThisTurn', () => {
  it('sends the commands of the rest of the turn in one write, with every reply right and in order', async () => {
    // Each command from its own tick, as jobs finishing one after another send theirs: without
    // holding, each write completes before the next command and goes out alone.
    const sendAll = () =>
      new Promise<number[]>((resolve) => {
        const replies: Promise<number>[] = [];
        const step = (i: number) => {
          replies.push(redis.incrby(`${prefix}:counter`, i + 1));
          if (i < 99) process.nextTick(step, i + 1);
          else resolve(Promise.all(replies));
        };
        step(0);
      });
    await redis.del(`${prefix}:counter`);
    writes = 0;
    await sendAll();
    const unheld = writes;
    await redis.del(`${prefix}:counter`);
    writes = 0;
    holdWritesThisTurn(redis);
    const values = await sendAll();
    expect(values).toEqual(Array.from({ length: 100 }, (_, i) => ((i + 1) * (i + 2)) / 2));
    expect(writes).toBeLessThanOrEqual(2);
    expect(unheld).toBeGreaterThan(10);
  });

  it('leaves a connection that is not ready alone: its commands still go through once it is', async () => {
    const offline = new Redis({ ...redis.options, lazyConnect: true });
    holdWritesThisTurn(offline); // not connected: nothing to hold, nothing thrown
    expect(await offline.set(`${prefix}:offline`, 'ok')).toBe('OK');
    expect(await offline.get(`${prefix}:offline`)).toBe('ok');
    offline.disconnect();
  });
});

import { describe, expect, it } from 'vitest';
import { createMicroBatcher } from './micro-batcher.js';

describe('createMicroBatcher', () => {
  it('runs concurrent calls as one batch and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const double = createMicroBatcher(async (items: readonly number[]) => {
      batches.push([...items]);
      return items.map((i) => i * 2);
    });
    expect(await Promise.all([1, 2, 3].map(double))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('retries the items of a failed batch one by one, so only the bad one fails', async () => {
    const run = createMicroBatcher(async (items: readonly number[]) => {
      if (items.includes(13)) throw new Error('unlucky');
      return items;
    });
    const results = await Promise.allSettled([1, 13, 2].map(run));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('never makes a batch larger than maxBatch', async () => {
    const sizes: number[] = [];
    const run = createMicroBatcher(
      async (items: readonly number[]) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatch: 2, maxInFlight: 1 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5].map(run))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('gathers the calls made while a batch runs into the next batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = createMicroBatcher(
      async (items: readonly number[]) => {
        batches.push([...items]);
        if (batches.length === 1) await gate;
        return items;
      },
      { maxInFlight: 1 },
    );
    const first = run(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map(run);
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('runs a lone call at once, with no timer to wait for', async () => {
    const run = createMicroBatcher(async (items: readonly number[]) => items);
    let settled = false;
    void run(7).then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(true);
  });
});

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

  it('flushes a full batch without waiting', async () => {
    const sizes: number[] = [];
    const run = createMicroBatcher(
      async (items: readonly number[]) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatch: 2, maxWaitMs: 1_000 },
    );
    await Promise.all([1, 2, 3, 4].map(run));
    expect(sizes).toEqual([2, 2]);
  });
});

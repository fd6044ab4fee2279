import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { MicroBatcher } from './micro-batcher.js';

describe('MicroBatcher', () => {
  const recording = (fail?: (items: number[]) => boolean) => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push(items);
        await sleep(5);
        if (fail?.(items)) throw Object.assign(new Error('bad item'), { code: '23514' });
        return items.map((n) => n * 10);
      },
      { maxInFlight: 2, maxBatch: 4, retryAlone: (error) => (error as { code?: string }).code === '23514' },
    );
    return { batches, batcher };
  };

  it('sends a lone item at once and groups what arrives while slots are busy, in order', async () => {
    const { batches, batcher } = recording();
    expect(await batcher.submit(1)).toBe(10);
    expect(batches).toEqual([[1]]);
    await sleep(1); // its slot is released after the answer
    const results = await Promise.all(Array.from({ length: 11 }, (_, i) => batcher.submit(i + 2)));
    expect(results).toEqual(Array.from({ length: 11 }, (_, i) => (i + 2) * 10));
    // Two go alone (both slots free), the other nine wait and go in batches of at most four.
    expect(batches.slice(1)).toEqual([[2], [3], [4, 5, 6, 7], [8, 9, 10, 11], [12]]);
  });

  it('retries the items of a failed batch alone, so only the bad one fails', async () => {
    const { batches, batcher } = recording((items) => items.includes(13));
    const block = [batcher.submit(0), batcher.submit(0)]; // fill both slots
    const outcomes = await Promise.allSettled([11, 12, 13, 14].map((n) => batcher.submit(n)));
    await Promise.all(block);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseFulfilledResult<number>).value).toBe(120);
    expect(batches).toContainEqual([11, 12, 13, 14]);
    expect(batches).toContainEqual([13]);
  });

  it('fails the whole batch at once on an error retrying cannot help', async () => {
    const batcher = new MicroBatcher<number, number>(
      async () => {
        await sleep(1);
        throw new Error('connection refused');
      },
      { maxInFlight: 1, maxBatch: 10, retryAlone: () => false },
    );
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => batcher.submit(n)));
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
  });
});

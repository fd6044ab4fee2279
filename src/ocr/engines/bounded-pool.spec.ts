import { describe, expect, it } from '@jest/globals';
import { BoundedPool, PoolClosedError, PoolTimeoutError } from './bounded-pool.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function counterPool(options: { size?: number; timeoutMs?: number; retireAfter?: number } = {}) {
  let created = 0;
  const destroyed: number[] = [];
  const pool = new BoundedPool<number>({
    size: options.size ?? 2,
    timeoutMs: options.timeoutMs ?? 1_000,
    create: () => Promise.resolve(++created),
    destroy: (id) => {
      destroyed.push(id);
      return Promise.resolve();
    },
    retire: options.retireAfter ? (_id, uses) => uses >= options.retireAfter! : undefined,
  });
  return { pool, created: () => created, destroyed };
}

describe('BoundedPool', () => {
  it('runs at most `size` jobs at once, never two on one resource', async () => {
    const { pool } = counterPool({ size: 2 });
    let running = 0;
    let peak = 0;
    const inUse = new Set<number>();
    const job = async (id: number) => {
      expect(inUse.has(id)).toBe(false);
      inUse.add(id);
      peak = Math.max(peak, ++running);
      await sleep(10);
      running--;
      inUse.delete(id);
    };
    await Promise.all(Array.from({ length: 7 }, () => pool.run(job)));
    expect(peak).toBe(2);
  });

  it('times a hung job out, destroys its resource and gives the slot a fresh one', async () => {
    const { pool, created, destroyed } = counterPool({ size: 1, timeoutMs: 50 });
    let aborted = false;
    await expect(
      pool.run((_id, signal) => {
        signal.addEventListener('abort', () => (aborted = true));
        return new Promise(() => undefined);
      }),
    ).rejects.toBeInstanceOf(PoolTimeoutError);
    expect(aborted).toBe(true);
    await expect(pool.run((id) => Promise.resolve(id))).resolves.toBe(2);
    expect(created()).toBe(2);
    expect(destroyed).toEqual([1]);
  });

  it('retires a resource after N uses (recycling)', async () => {
    const { pool, destroyed } = counterPool({ size: 1, retireAfter: 2 });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await pool.run((id) => Promise.resolve(id)));
    expect(ids).toEqual([1, 1, 2, 2, 3]);
    expect(destroyed).toEqual([1, 2]);
  });

  it('replaces a resource whose job failed', async () => {
    const { pool } = counterPool({ size: 1 });
    await expect(pool.run(() => Promise.reject(new Error('crashed')))).rejects.toThrow('crashed');
    await expect(pool.run((id) => Promise.resolve(id))).resolves.toBe(2);
  });

  it('drops a waiting job whose caller gave up, and refuses jobs once closed', async () => {
    const { pool, destroyed } = counterPool({ size: 1 });
    const blocker = pool.run(() => sleep(30));
    const controller = new AbortController();
    const waiting = pool.run(() => Promise.resolve('never'), controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    expect(pool.load.waiting).toBe(0);
    await blocker;
    await pool.close();
    expect(destroyed).toEqual([1]);
    await expect(pool.run(() => Promise.resolve(1))).rejects.toBeInstanceOf(PoolClosedError);
  });
});

import { describe, expect, it } from '@jest/globals';
import { createCache } from 'cache-manager';
import { Keyv } from 'keyv';
import type { AppConfig } from '../core/config/app-config.service.js';
import { type CacheBackend, MemoryCacheBackend } from './cache-backend.js';
import { CacheService } from './cache.service.js';

const config = (timeoutMs = 50) => ({ get: () => timeoutMs }) as unknown as AppConfig;

function serviceOn(backend: CacheBackend, timeoutMs?: number): CacheService {
  return new CacheService(createCache({ stores: [backend.keyv] }), backend, config(timeoutMs));
}

/** A store that never answers: what a hung Redis looks like to the service. */
class HungBackend implements CacheBackend {
  readonly kind = 'redis' as const;
  readonly keyv = new Keyv({
    store: {
      get: () => new Promise(() => undefined),
      set: () => new Promise(() => undefined),
      delete: () => new Promise(() => undefined),
      clear: async () => undefined,
      on: () => undefined,
      opts: {},
    } as never,
  });
  deleteByPrefix = () => new Promise<number>(() => undefined);
  ping = () => new Promise<void>(() => undefined);
  close = async () => undefined;
}

describe('CacheService on the bounded memory store', () => {
  it('loads once, then serves hits; counts both', async () => {
    const cache = serviceOn(new MemoryCacheBackend(100));
    let loads = 0;
    const load = async () => ({ id: 'R1', n: ++loads });
    expect(await cache.getOrLoad('robot_status:R1', load)).toEqual({ id: 'R1', n: 1 });
    expect(await cache.getOrLoad('robot_status:R1', load)).toEqual({ id: 'R1', n: 1 });
    expect(loads).toBe(1);
    expect(cache.stats()).toEqual({ backend: 'memory', hits: 1, misses: 1, errors: 0, hit_rate: 0.5 });
  });

  it('shares one load among concurrent misses of a key', async () => {
    const cache = serviceOn(new MemoryCacheBackend(100));
    let loads = 0;
    const slow = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 20));
      return 'v';
    };
    const values = await Promise.all(Array.from({ length: 10 }, () => cache.getOrLoad('module_health:M', slow)));
    expect(values).toEqual(Array(10).fill('v'));
    expect(loads).toBe(1);
  });

  it('hands out copies: mutating a result does not change the cache', async () => {
    const cache = serviceOn(new MemoryCacheBackend(100));
    const first = await cache.getOrLoad('k', async () => ({ list: [1] }));
    first.list.push(2);
    expect(await cache.get('k')).toEqual({ list: [1] });
  });

  it('expires entries after their TTL', async () => {
    const cache = serviceOn(new MemoryCacheBackend(100));
    await cache.set('robot_status:R9', 'x', 30);
    expect(await cache.get('robot_status:R9')).toBe('x');
    await new Promise((r) => setTimeout(r, 60));
    expect(await cache.get('robot_status:R9')).toBeUndefined();
  });

  it('invalidates one key, or every key under a prefix', async () => {
    const cache = serviceOn(new MemoryCacheBackend(100));
    for (const key of ['robot_status:A', 'robot_status:B', 'module_health:A']) await cache.set(key, key);
    await cache.invalidate('module_health:A');
    expect(await cache.get('module_health:A')).toBeUndefined();
    expect(await cache.invalidatePrefix('robot_status:')).toBe(2);
    expect(await cache.get('robot_status:A')).toBeUndefined();
  });

  it('keeps at most CACHE_MEMORY_MAX_ENTRIES, evicting the least recently used', async () => {
    const cache = serviceOn(new MemoryCacheBackend(3));
    for (const key of ['a', 'b', 'c']) await cache.set(key, key);
    await cache.get('a');
    await cache.set('d', 'd');
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe('a');
    expect(await cache.get('d')).toBe('d');
  });
});

describe('CacheService when the store hangs', () => {
  it('falls through to the loader after the operation timeout, and counts the errors', async () => {
    const cache = serviceOn(new HungBackend(), 50);
    const started = Date.now();
    expect(await cache.getOrLoad('robot_status:R1', async () => 'from-db')).toBe('from-db');
    // One bounded get and one bounded set, nothing more.
    expect(Date.now() - started).toBeLessThan(1_000);
    await cache.invalidate('x');
    expect(await cache.invalidatePrefix('x')).toBe(0);
    expect(cache.stats()).toMatchObject({ misses: 1, hits: 0, errors: 4 });
  });
});

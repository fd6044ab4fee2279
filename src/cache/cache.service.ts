import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { AppConfig } from '../core/config/app-config.service.js';
import { MicroBatcher } from '../core/batching/micro-batcher.js';
import { withTimeout } from '../core/timeout.js';
import { type CacheBackend } from './cache-backend.js';
import { ttlFor } from './cache-ttl.policy.js';

export const CACHE_BACKEND = Symbol('CACHE_BACKEND');

export interface CacheStats {
  backend: 'redis' | 'memory';
  hits: number;
  misses: number;
  errors: number;
  hit_rate: number;
}

/** The second delete of an invalidation comes this long after the first (invalidateMany). */
export const STALE_LOAD_GUARD_MS = 1_000;

/**
 * Cache-aside over `@nestjs/cache-manager` with the seeds' TTL per kind of key.
 *
 * Every call is bounded by CACHE_OPERATION_TIMEOUT_MS; a slow or failed cache counts as a miss and
 * the loader answers, so a Redis outage costs latency in the hundreds of milliseconds at most and
 * never an error. Values are stored as JSON text, so both stores give back the same shapes and a
 * caller can never mutate a cached object in place.
 */
@Injectable()
export class CacheService {
  private readonly logger = new Logger(CacheService.name);
  private readonly timeoutMs: number;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private hits = 0;
  private misses = 0;
  private errors = 0;
  private observer?: (durationMs: number, ok: boolean) => void;
  private readonly deletes = new MicroBatcher<string, void>((keys) => this.deleteNow(keys), {
    maxInFlight: 2,
    maxBatch: 500,
    retryAlone: () => false,
  });

  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Inject(CACHE_BACKEND) private readonly backend: CacheBackend,
    config: AppConfig,
  ) {
    this.timeoutMs = config.get('CACHE_OPERATION_TIMEOUT_MS');
  }

  /** Called with the duration of every get, set and delete (the monitoring layer times them). */
  observe(observer: (durationMs: number, ok: boolean) => void): void {
    this.observer = observer;
  }

  get backendKind(): 'redis' | 'memory' {
    return this.backend.kind;
  }

  /** The cached value, or undefined on a miss or when the cache cannot answer in time. */
  async get<T>(key: string): Promise<T | undefined> {
    const started = performance.now();
    try {
      const raw = await withTimeout(this.cache.get<string>(key), this.timeoutMs, 'cache get');
      this.observer?.(performance.now() - started, true);
      if (raw === undefined || raw === null) {
        this.misses++;
        return undefined;
      }
      this.hits++;
      return JSON.parse(raw) as T;
    } catch (error) {
      this.observer?.(performance.now() - started, false);
      this.fail('get', error);
      this.misses++;
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlMs = ttlFor(key)): Promise<void> {
    if (value === undefined) return;
    const started = performance.now();
    try {
      await withTimeout(this.cache.set(key, JSON.stringify(value), ttlMs), this.timeoutMs, 'cache set');
      this.observer?.(performance.now() - started, true);
    } catch (error) {
      this.observer?.(performance.now() - started, false);
      this.fail('set', error);
    }
  }

  /**
   * Cache-aside: the cached value, or the loader's result, stored with the key's TTL. Concurrent
   * misses on one key in this process share one load.
   */
  async getOrLoad<T>(key: string, loader: () => Promise<T>, ttlMs = ttlFor(key)): Promise<T> {
    const cached = await this.get<T>(key);
    if (cached !== undefined) return cached;
    const pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const load = (async () => {
      try {
        const value = await loader();
        await this.set(key, value, ttlMs);
        return value;
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, load);
    return load;
  }

  /**
   * Deletes a key. Concurrent deletes share one round trip (MDEL), as concurrent completions do:
   * each caller still waits for its own key to be gone.
   */
  invalidate(key: string): Promise<void> {
    return this.invalidateMany([key]);
  }

  /**
   * Deletes several keys in one round trip (a batch of finished robots), and once more
   * STALE_LOAD_GUARD_MS later. A read on any instance that loaded the row before the change
   * committed, and stores it after this delete, would otherwise serve the old row for the whole
   * TTL (seen: 2 of 200 robots read PROCESSING for a minute after they completed); the second
   * delete drops such a copy.
   */
  async invalidateMany(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.deletes.submitMany(keys);
    setTimeout(() => void this.deletes.submitMany(keys), STALE_LOAD_GUARD_MS).unref();
  }

  /** Never throws: a failed delete is counted and logged, and the entry expires with its TTL. */
  private async deleteNow(keys: string[]): Promise<void[]> {
    const started = performance.now();
    try {
      await withTimeout(
        keys.length === 1 ? this.cache.del(keys[0]) : this.cache.mdel(keys),
        this.timeoutMs,
        'cache del',
      );
      this.observer?.(performance.now() - started, true);
    } catch (error) {
      this.observer?.(performance.now() - started, false);
      this.fail('del', error);
    }
    return keys.map(() => undefined);
  }

  /** Deletes every key that starts with `prefix` (e.g. `robot_status:`); returns how many. */
  async invalidatePrefix(prefix: string): Promise<number> {
    try {
      return await withTimeout(this.backend.deleteByPrefix(prefix), this.timeoutMs * 4, 'cache prefix delete');
    } catch (error) {
      this.fail('prefix delete', error);
      return 0;
    }
  }

  /** For health checks: resolves when the store answers. */
  ping(): Promise<void> {
    return this.backend.ping();
  }

  stats(): CacheStats {
    const lookups = this.hits + this.misses;
    return {
      backend: this.backend.kind,
      hits: this.hits,
      misses: this.misses,
      errors: this.errors,
      hit_rate: lookups === 0 ? 0 : this.hits / lookups,
    };
  }

  private fail(operation: string, error: unknown): void {
    this.errors++;
    this.logger.debug(`cache ${operation} failed: ${(error as Error).message}`);
  }
}

import { createKeyv as createMemoryKeyv, type KeyvCacheableMemory } from '@cacheable/memory';
import KeyvRedis, { createClient, type RedisClientType } from '@keyv/redis';
import { Logger } from '@nestjs/common';
import { Keyv } from 'keyv';
import { withTimeout } from '../core/timeout.js';

/** What the cache service needs beyond get/set/del, which go through cache-manager. */
export interface CacheBackend {
  readonly kind: 'redis' | 'memory';
  /** The Keyv store handed to `@nestjs/cache-manager`. */
  readonly keyv: Keyv;
  deleteByPrefix(prefix: string): Promise<number>;
  /** Resolves when the store answers; rejects with a message that names no host. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Bounded LRU in memory: the default `@nestjs/cache-manager` store is an unbounded Map. */
export class MemoryCacheBackend implements CacheBackend {
  readonly kind = 'memory';
  readonly keyv: Keyv;
  private readonly adapter: KeyvCacheableMemory;

  constructor(maxEntries: number) {
    this.keyv = createMemoryKeyv({ lruSize: maxEntries, checkInterval: 60_000 });
    this.adapter = this.keyv.store as KeyvCacheableMemory;
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    const store = this.adapter.store;
    const doomed = [...store.keys].filter((key) => key.startsWith(prefix));
    store.deleteMany(doomed);
    return doomed.length;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.adapter.store.clear();
    this.adapter.store.stopIntervalCheck();
  }
}

export interface RedisBackendOptions {
  url: string;
  namespace: string;
  connectTimeoutMs: number;
  operationTimeoutMs: number;
}

const SCAN_BATCH = 500;
/** The cache's connection as `CLIENT LIST` shows it. */
export const CACHE_CLIENT_NAME = 'botfleet-cache';

/**
 * Redis through node-redis and `@keyv/redis`, tuned to fail fast: with the offline queue disabled a
 * command fails at once while the connection is down, instead of waiting for a reconnect, and the
 * client keeps reconnecting in the background.
 */
export class RedisCacheBackend implements CacheBackend {
  readonly kind = 'redis';
  readonly keyv: Keyv;
  private readonly logger = new Logger('RedisCache');
  private readonly client: RedisClientType;
  private lastErrorLog = 0;

  private constructor(private readonly options: RedisBackendOptions) {
    this.client = createClient({
      url: options.url,
      name: CACHE_CLIENT_NAME,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: options.connectTimeoutMs,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000),
      },
    }) as RedisClientType;
    // The cache never keeps the process alive by itself: a Nest app closed without its shutdown
    // hooks running (a failed boot, a hook that threw before ours) still lets the process exit.
    this.client.unref();
    // Without a listener node-redis crashes the process on a connection error; log once a minute.
    this.client.on('error', (error: Error) => {
      if (Date.now() - this.lastErrorLog < 60_000) return;
      this.lastErrorLog = Date.now();
      this.logger.warn(
        `Redis unavailable (${error.message.replace(/\d+\.\d+\.\d+\.\d+(:\d+)?/g, '<host>')}); serving from the database`,
      );
    });
    this.client.on('ready', () => this.logger.log('Redis connected'));
    const adapter = new KeyvRedis(this.client, {
      namespace: options.namespace,
      throwOnConnectError: false,
      throwOnErrors: true,
      connectionTimeout: options.connectTimeoutMs,
      useUnlink: true,
    });
    this.keyv = new Keyv({ store: adapter, namespace: options.namespace, useKeyPrefix: false, throwOnErrors: true });
  }

  /** Connects, but never waits longer than the connect timeout: a down Redis must not block boot. */
  static async connect(options: RedisBackendOptions): Promise<RedisCacheBackend> {
    const backend = new RedisCacheBackend(options);
    const connecting = backend.client.connect();
    connecting.catch(() => undefined);
    await withTimeout(connecting, options.connectTimeoutMs, 'Redis connect').catch(() => undefined);
    return backend;
  }

  private get separator(): string {
    return '::';
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    if (!this.client.isReady) throw new Error('Redis is not connected');
    let deleted = 0;
    const pattern = `${this.options.namespace}${this.separator}${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    for await (const keys of this.client.scanIterator({ MATCH: pattern, COUNT: SCAN_BATCH })) {
      if (keys.length > 0) deleted += await this.client.unlink(keys);
    }
    return deleted;
  }

  async ping(): Promise<void> {
    if (!this.client.isReady) throw new Error('Redis is not connected');
    await withTimeout(this.client.ping(), this.options.operationTimeoutMs, 'Redis ping');
  }

  /**
   * Drops the connection at once. Not node-redis's graceful close(): that waits for every command
   * in its queue to be answered, and a command queued but never written (the socket went away
   * under load) is never answered, so the socket stayed open and kept the process alive after
   * shutdown; once close() has begun, destroy() refuses to run. A cache write lost at shutdown
   * costs a later miss, nothing more.
   */
  async close(): Promise<void> {
    if (this.client.isOpen) this.client.destroy();
  }
}

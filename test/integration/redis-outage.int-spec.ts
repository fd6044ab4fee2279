import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from '@keyv/redis';
import { CACHE_CLIENT_NAME, RedisCacheBackend } from '../../src/cache/cache-backend.js';
import { CacheService } from '../../src/cache/cache.service.js';
import { eventually } from '../support/eventually.js';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { freePort, PrivateRedis } from '../support/redis-server.js';
import { http, startApp, type TestApp } from '../support/test-app.js';
import { refreshedHealth } from '../support/health.js';

type Ready = {
  details: Record<string, { status: string }>;
  checks?: Record<string, { status: string; message?: string }>;
};

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Redis failing under a running app: cache calls return quickly from the loader, readiness reports
 * the cache down while the app keeps serving, and everything recovers when Redis is back.
 */
describe('Redis outage', () => {
  let redis: PrivateRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    t = await startApp({
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      REDIS_URL: redis.url,
      CACHE_KEY_PREFIX: 'outage',
    });
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  it('caches while Redis is up', async () => {
    const cache = t.app.get(CacheService);
    await cache.getOrLoad('robot_status:R1', async () => 'v1');
    expect(await cache.get('robot_status:R1')).toBe('v1');
  });

  it('falls through to the loader within hundreds of milliseconds once Redis is gone', async () => {
    await redis.stop();
    const cache = t.app.get(CacheService);
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      expect(await cache.getOrLoad(`robot_status:X${i}`, async () => `db-${i}`)).toBe(`db-${i}`);
      timings.push(performance.now() - started);
    }
    expect(Math.max(...timings)).toBeLessThan(1_000);
    expect(await cache.invalidatePrefix('robot_status:')).toBe(0);
    expect(cache.stats().errors).toBeGreaterThan(0);
  });

  it('reports the cache down and the database up, and keeps serving', async () => {
    // Readiness answers from the probes' last run: wait for one that started after the outage.
    await refreshedHealth(t);
    const started = performance.now();
    const ready = await http<Ready>(`${t.url}/health/ready`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(ready.status).toBe(503);
    expect(ready.body.checks?.cache.status).toBe('down');
    expect(ready.body.checks?.database.status).toBe('up');
    expect(JSON.stringify(ready.body)).not.toContain(String(redis.port));
    expect((await http(`${t.url}/health/live`)).status).toBe(200);
  });

  it('recovers when Redis comes back', async () => {
    await redis.start();
    await until(async () => (await http(`${t.url}/health/ready`)).status === 200);
    const cache = t.app.get(CacheService);
    await cache.set('robot_status:R2', 'back');
    expect(await cache.get('robot_status:R2')).toBe('back');
  });
});

describe('Redis stopped and restarted under load', () => {
  it('fails no request: creates, reads and worker calls answer 2xx throughout', async () => {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    const t = await startApp({
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      REDIS_URL: redis.url,
      CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_load`,
    });
    try {
      const api = lifecycleClient(t);
      const module = `RedisLoad${Date.now()}`;
      expect((await api.registerModule(module, ['redis_load'])).status).toBe(201);
      const statuses = new Map<number, number>();
      const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
      let stopped = false;
      const clients = Array.from({ length: 4 }, async () => {
        while (!stopped) {
          const created = await api.createRobot({ robot_type: 'redis_load', input_data: {} });
          count(created.status);
          if (created.status !== 201) continue;
          count((await api.getRobot(created.body.robot_id)).status);
          const [claimed] = (await api.claim(module)).body;
          if (!claimed) continue;
          count((await api.complete(claimed.execute_id, { lease_token: claimed.lease_token, output_data: {} })).status);
          count((await api.getRobot(claimed.robot_id)).status);
        }
      });
      await new Promise((r) => setTimeout(r, 1_000));
      await redis.stop();
      await new Promise((r) => setTimeout(r, 3_000));
      await redis.start();
      await new Promise((r) => setTimeout(r, 3_000));
      stopped = true;
      await Promise.all(clients);
      const calls = [...statuses.values()].reduce((a, b) => a + b, 0);
      process.stdout.write(
        `| Redis stopped 3 s under load | calls ${calls} | answers ${JSON.stringify(Object.fromEntries(statuses))} |\n`,
      );
      expect(calls).toBeGreaterThan(50);
      expect([...statuses.keys()].filter((status) => status !== 200 && status !== 201)).toEqual([]);
    } finally {
      await t.close();
      await redis.stop();
    }
  }, 60_000);
});

describe('Redis unreachable from the start', () => {
  it('boots, serves from the loader, reports the cache down and shuts down promptly', async () => {
    const port = await freePort();
    const t = await startApp({ DATABASE_URL: process.env.TEST_DATABASE_URL, REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      const cache = t.app.get(CacheService);
      expect(await cache.getOrLoad('module_health:M', async () => 'loaded')).toBe('loaded');
      const ready = await http<Ready>(`${t.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.checks?.cache).toMatchObject({ status: 'down', message: 'redis cache unreachable' });
    } finally {
      const started = performance.now();
      await t.close();
      expect(performance.now() - started).toBeLessThan(3_000);
    }
  });
});

describe('the cache connection at shutdown', () => {
  it('is dropped even while a command waits on a Redis that does not answer', async () => {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      const backend = await RedisCacheBackend.connect({
        url: redis.url,
        namespace: 'closing',
        connectTimeoutMs: 2_000,
        operationTimeoutMs: 100,
      });
      const cacheConnections = async () =>
        (await admin.clientList()).filter((client) => client.name === CACHE_CLIENT_NAME).length;
      expect(await cacheConnections()).toBe(1);
      // Redis holds every write until unpaused: the cache's write stays in its queue, unanswered.
      await admin.sendCommand(['CLIENT', 'PAUSE', '20000', 'WRITE']);
      const write = backend.keyv.set('k', 'v').then(
        () => 'answered',
        () => 'rejected',
      );
      await new Promise((ok) => setTimeout(ok, 100));
      await backend.close();
      // Gone while Redis still answers nothing: it no longer keeps the process alive.
      expect(await eventually(cacheConnections, (n) => n === 0, 5_000)).toBe(0);
      expect(await write).toBe('rejected');
    } finally {
      await admin.sendCommand(['CLIENT', 'UNPAUSE']);
      await admin.close();
      await redis.stop();
    }
  });
});

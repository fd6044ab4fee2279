import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { RedisRateStore } from '../../src/security/rate-limit.store.js';
import { Scope } from '../../src/security/scopes.js';
import { freePort, PrivateRedis } from '../support/redis-server.js';
import { issueKey } from '../factories/api-key.factory.js';
import { http, type HttpResult, startApp, type TestApp } from '../support/test-app.js';

type Problem = { code: string; detail: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two instances on one PostgreSQL and one Redis: the counters are shared, so a client cannot
 * double its limit by spreading requests; a revocation on one instance is honoured on the other
 * within API_KEY_CACHE_MS. TRUST_PROXY lets each test speak from an address of its own.
 */
describe('security across two instances (PostgreSQL + Redis)', () => {
  const prefix = `${process.env.TEST_CACHE_PREFIX}_sec`;
  const apps: TestApp[] = [];
  let redis: Redis;
  let ops: string;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      apps.push(
        await startApp({
          DATABASE_URL: process.env.TEST_DATABASE_URL,
          REDIS_URL: process.env.TEST_REDIS_URL,
          CACHE_KEY_PREFIX: prefix,
          RATE_LIMIT_PER_MINUTE: '10',
          RATE_LIMIT_IP_PER_MINUTE: '6',
          TRUST_PROXY: 'true',
        }),
      );
    }
    redis = new Redis(process.env.TEST_REDIS_URL!);
    // An admin key with room to spare for the set-up calls.
    ops = (await issueKey(apps[0], [Scope.Admin], { name: 'ops', rateLimitPerMinute: 100_000 })).key;
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    redis?.disconnect();
  });

  const get = (i: number, key: string | null, ip: string, path = '/api/v1/robots?limit=1') =>
    http<Problem>(`${apps[i % 2].url}${path}`, { key, headers: { 'X-Forwarded-For': ip } });

  it('counts concurrent hits of one caller exactly, in fewer round trips than hits', async () => {
    const client = new Redis(process.env.TEST_REDIS_URL!);
    const store = new RedisRateStore(client);
    const counter = `${prefix}:rl:coalesce:${Date.now()}`;
    const calls = async () => {
      const stats = await redis.info('commandstats');
      return Number(/cmdstat_(?:evalsha|eval):calls=(\d+)/.exec(stats)?.[1] ?? 0);
    };
    const before = await calls();
    const counts = await Promise.all(Array.from({ length: 60 }, () => store.hit(counter, 60_000)));
    const roundTrips = (await calls()) - before;
    // Each hit has its own place in the window, as 60 single round trips would have given.
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(counts.every((c) => c.resetMs > 0 && c.resetMs <= 60_000)).toBe(true);
    expect(Number(await redis.get(counter))).toBe(60);
    expect(await redis.pttl(counter)).toBeGreaterThan(0);
    // The first hit went alone; the rest waited for it and went together (other tests' traffic
    // may add a few calls to the server-wide statistic, never 60).
    expect(roundTrips).toBeLessThan(10);
    // A later hit goes on from where the group left the counter.
    expect((await store.hit(counter, 60_000)).count).toBe(61);
    client.disconnect();
  });

  it('shares one key’s counter: calls alternating between instances get 429 after 10 in all', async () => {
    const { keyId, key } = await issueKey(apps[0], [Scope.RobotsRead], { name: 'shared limit' });
    const seen: Array<[number, string | null]> = [];
    for (let i = 0; i < 13; i++) {
      const res = await get(i, key, '198.51.100.1');
      seen.push([res.status, res.headers.get('ratelimit-remaining')]);
    }
    expect(seen).toEqual([
      [200, '9'],
      [200, '8'],
      [200, '7'],
      [200, '6'],
      [200, '5'],
      [200, '4'],
      [200, '3'],
      [200, '2'],
      [200, '1'],
      [200, '0'],
      [429, '0'],
      [429, '0'],
      [429, '0'],
    ]);
    const refused = await get(1, key, '198.51.100.1');
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The counter is the one in Redis, under this run's prefix, expiring with the window.
    const counter = `${prefix}:rl:api:key:${keyId}`;
    expect(Number(await redis.get(counter))).toBe(14);
    const ttl = await redis.pttl(counter);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('shares the per-IP counter of calls without a valid key', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) seen.push((await get(i, null, '198.51.100.2')).status);
    expect(seen).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    // Another address is counted apart.
    expect((await get(0, null, '198.51.100.3')).status).toBe(401);
  });

  it('refuses on instance B, within about a second, a key revoked on instance A', async () => {
    const [a, b] = apps;
    const { keyId, key } = await issueKey(a, [Scope.RobotsRead], {
      name: 'revoked across',
      rateLimitPerMinute: 10_000,
    });
    expect((await get(1, key, '198.51.100.4')).status).toBe(200); // B caches the verdict
    const revoked = await http(`${a.url}/api/v1/api-keys/${keyId}`, { key: ops, method: 'DELETE' });
    expect(revoked.status).toBe(200);
    const revokedAt = Date.now();
    const onA = await get(0, key, '198.51.100.4');
    expect([onA.status, onA.body.code]).toEqual([401, 'AUTH_INVALID_KEY']);
    let onB: HttpResult<Problem>;
    do {
      onB = await http<Problem>(`${b.url}/api/v1/robots?limit=1`, {
        key,
        headers: { 'X-Forwarded-For': '198.51.100.4' },
      });
      if (onB.status === 200) await sleep(25);
    } while (onB.status === 200 && Date.now() - revokedAt < 2_000);
    expect([onB.status, onB.body.code]).toEqual([401, 'AUTH_INVALID_KEY']);
    expect(Date.now() - revokedAt).toBeLessThan(1_300);
  });
});

/** Redis stops under a running app: counting falls back to the instance's memory, quickly. */
describe('rate limits during a Redis outage', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let key: string;
  let keyId: string;
  const prefix = `${process.env.TEST_CACHE_PREFIX}_out`;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    t = await startApp({
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      REDIS_URL: redis.url,
      CACHE_KEY_PREFIX: prefix,
      RATE_LIMIT_PER_MINUTE: '5',
    });
    ({ key, keyId } = await issueKey(t, [Scope.RobotsRead], { name: 'outage' }));
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  const timed = async () => {
    const started = performance.now();
    const res = await http(`${t.url}/api/v1/robots?limit=1`, { key });
    return { status: res.status, ms: performance.now() - started };
  };

  it('counts in Redis while it is up', async () => {
    const seen = [];
    for (let i = 0; i < 6; i++) seen.push((await timed()).status);
    expect(seen).toEqual([200, 200, 200, 200, 200, 429]);
    const client = new Redis(redis.url);
    try {
      expect(Number(await client.get(`${prefix}:rl:api:key:${keyId}`))).toBe(6);
    } finally {
      client.disconnect();
    }
  });

  it('answers every call fast, 2xx or 429 and never 5xx, counting in memory once Redis is gone', async () => {
    await redis.stop();
    const calls = [];
    for (let i = 0; i < 8; i++) calls.push(await timed());
    expect(Math.max(...calls.map((c) => c.ms))).toBeLessThan(1_000);
    expect(calls.filter((c) => c.status >= 500)).toEqual([]);
    expect(calls.every((c) => c.status === 200 || c.status === 429)).toBe(true);
    // The limit still holds, per instance: the memory counter starts afresh and stops at 5.
    expect(calls.map((c) => c.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('goes back to the Redis counters when Redis returns', async () => {
    await redis.start();
    // The fresh Redis holds no counter: the first call it answers passes where memory says 429.
    const deadline = Date.now() + 10_000;
    let status = 429;
    while (status !== 200 && Date.now() < deadline) {
      status = (await timed()).status;
      if (status !== 200) await sleep(200);
    }
    expect(status).toBe(200);
    const client = new Redis(redis.url);
    try {
      expect(Number(await client.get(`${prefix}:rl:api:key:${keyId}`))).toBeGreaterThanOrEqual(1);
    } finally {
      client.disconnect();
    }
  });

  it('stays fast when Redis hangs without closing the connection (CACHE_OPERATION_TIMEOUT_MS)', async () => {
    const server = (redis as unknown as { child: ChildProcess }).child;
    server.kill('SIGSTOP');
    try {
      const calls = [];
      for (let i = 0; i < 4; i++) calls.push(await timed());
      // Each call waited for the command timeout (250 ms): Redis really was hung, and no longer.
      expect(calls[0].ms).toBeGreaterThanOrEqual(150);
      expect(Math.max(...calls.map((c) => c.ms))).toBeLessThan(1_000);
      expect(calls.every((c) => c.status === 200 || c.status === 429)).toBe(true);
    } finally {
      server.kill('SIGCONT');
    }
  });
});

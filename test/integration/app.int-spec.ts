import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from '@keyv/redis';
import { CacheService } from '../../src/cache/cache.service.js';
import { pagesTheAuditTrail } from '../support/paging-scenarios.js';
import {
  createsRobotsAtomically,
  isolatesConcurrentTransactions,
  registersAndRoutesModules,
} from '../support/state-scenarios.js';
import { http, startApp, type TestApp } from '../support/test-app.js';

/** The service on the machine's real PostgreSQL and Redis. */
describe('service on PostgreSQL and Redis', () => {
  const prefix = `${process.env.TEST_CACHE_PREFIX}_app`;
  const redis = createClient({ url: process.env.TEST_REDIS_URL });
  let t: TestApp;

  beforeAll(async () => {
    await redis.connect();
    t = await startApp({
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      REDIS_URL: process.env.TEST_REDIS_URL,
      CACHE_KEY_PREFIX: prefix,
      DB_READ_POOL_MIN: '3',
      DB_READ_POOL_MAX: '6',
      DB_WRITE_POOL_MIN: '2',
      DB_WRITE_POOL_MAX: '4',
      DB_STATEMENT_TIMEOUT_MS: '700',
    });
  });
  afterAll(async () => {
    await t?.close();
    await redis.close();
  });

  it('is ready with PostgreSQL and Redis up, pools sized from configuration', async () => {
    const res = await http<{ details: Record<string, Record<string, unknown>> }>(`${t.url}/health/ready`);
    expect(res.status).toBe(200);
    expect(res.body.details.database).toMatchObject({
      engine: 'postgresql',
      pools: { read: { max: 6 }, write: { max: 4 } },
    });
    expect(res.body.details.cache).toMatchObject({ status: 'up', backend: 'redis' });
  });

  it('keeps separate read and write pools open at their minimum sizes', async () => {
    const { rows } = await t.db.query<{ application_name: string; n: string }>(
      `SELECT application_name, count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'botfleet-%' GROUP BY 1`,
    );
    const count = Object.fromEntries(rows.map((r) => [r.application_name, Number(r.n)]));
    expect(count['botfleet-read']).toBeGreaterThanOrEqual(3);
    expect(count['botfleet-write']).toBeGreaterThanOrEqual(2);
  });

  it('sets statement and idle-in-transaction timeouts and UTC on every connection', async () => {
    const { rows } = await t.db.query<{ st: string; idle: string; tz: string }>(
      `SELECT current_setting('statement_timeout') AS st, current_setting('idle_in_transaction_session_timeout') AS idle,
              current_setting('TimeZone') AS tz`,
    );
    expect(rows[0]).toEqual({ st: '700ms', idle: '1min', tz: 'UTC' });
    await expect(t.db.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
  });

  it('registers, updates, deactivates and routes modules', () => registersAndRoutesModules(t));
  it('creates a robot and its event in one transaction, its attempt at claim', () => createsRobotsAtomically(t));
  it('keeps concurrent transactions apart', () => isolatesConcurrentTransactions(t));
  it('pages the audit trail newest first; an exactly full page is the last', () => pagesTheAuditTrail(t));

  it('caches in Redis under its namespace with the smart TTL, and invalidates by prefix', async () => {
    const cache = t.app.get(CacheService);
    let loads = 0;
    const load = async () => ({ status: 'PENDING', n: ++loads });
    await cache.getOrLoad('robot_status:R1', load);
    await cache.getOrLoad('robot_status:R2', load);
    expect(await cache.getOrLoad('robot_status:R1', load)).toEqual({ status: 'PENDING', n: 1 });
    expect(loads).toBe(2);

    const ttl = await redis.pTTL(`${prefix}::robot_status:R1`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await cache.set('performance_score:M', 0.9);
    expect(await redis.pTTL(`${prefix}::performance_score:M`)).toBeGreaterThan(590_000);

    expect(await cache.invalidatePrefix('robot_status:')).toBe(2);
    expect(await redis.exists(`${prefix}::robot_status:R1`)).toBe(0);
    expect(await redis.exists(`${prefix}::performance_score:M`)).toBe(1);
    expect(cache.stats()).toMatchObject({ backend: 'redis', errors: 0 });
  });
});

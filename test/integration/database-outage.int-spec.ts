import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { freePort } from '../support/redis-server.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { http, startApp, type TestApp } from '../support/test-app.js';
import { refreshedHealth } from '../support/health.js';

/**
 * PostgreSQL becomes unreachable under a running app (a proxy in front of the real server is cut):
 * writes answer 503 with Retry-After, at once once the breaker is open; cached reads still answer;
 * when the database is back, writes succeed again after the breaker's reset time.
 */
describe('database outage and the database circuit breaker', () => {
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    const target = new URL(process.env.TEST_DATABASE_URL!);
    proxy = new TcpProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
    await proxy.start();
    const viaProxy = new URL(target);
    viaProxy.port = String(proxy.port);
    t = await startApp({
      DATABASE_URL: viaProxy.toString(),
      DB_CONNECT_TIMEOUT_MS: '300',
      DB_BREAKER_RESET_MS: '1500',
      DB_READ_POOL_MIN: '0',
      DB_WRITE_POOL_MIN: '0',
    });
  });
  afterAll(async () => {
    await t?.close();
    await proxy.cut();
  });

  it('answers 503 + Retry-After, fast once open, serves cached reads, and recovers', async () => {
    const api = lifecycleClient(t);
    await api.registerModule('OutageModule', ['outage_work']);
    const robot = (await api.createRobot({ robot_type: 'outage_work', input_data: {} })).body;
    expect((await api.getRobot(robot.robot_id)).status).toBe(200); // now cached

    await proxy.cut();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await api.createRobot({ robot_type: 'outage_work', input_data: { i } });
      statuses.push(res.status);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|5432/);
    }
    expect(statuses).toEqual(Array(8).fill(503));

    // Open: refused without touching the pool.
    const started = performance.now();
    const refused = await api.createRobot({ robot_type: 'outage_work', input_data: {} });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ detail: 'The database is unavailable; retry later.' });
    expect(performance.now() - started).toBeLessThan(200);
    // The breaker is the last guard: a write without a valid key is refused by the security layer
    // first, and says nothing about the database.
    const anonymous = await http<{ code: string }>(`${t.url}/api/v1/robots`, {
      method: 'POST',
      key: null,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ robot_type: 'outage_work', input_data: {} }),
    });
    expect(anonymous.status).toBe(401);

    // Reads held in the cache still answer.
    expect((await api.getRobot(robot.robot_id)).body).toMatchObject({ robot_id: robot.robot_id, status: 'PENDING' });
    expect((await http(`${t.url}/health/live`)).status).toBe(200);
    await refreshedHealth(t); // readiness answers from the probes' last run
    expect((await http(`${t.url}/health/ready`)).status).toBe(503);

    await proxy.start();
    await new Promise((r) => setTimeout(r, 1_700));
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (status !== 201 && Date.now() < deadline) {
      status = (await api.createRobot({ robot_type: 'outage_work', input_data: { back: true } })).status;
      if (status !== 201) await new Promise((r) => setTimeout(r, 300));
    }
    expect(status).toBe(201);
  });

  it('under load through a cut: answers are 201/200 or 503 + Retry-After, back within 10 s, and retried creates land exactly once', async () => {
    const api = lifecycleClient(t);
    await api.registerModule('OutageLoadModule', ['outage_load']);
    await new Promise((r) => setTimeout(r, 1_700)); // any breaker opened by the test before has reset
    const correlation = `outage-load-${Date.now()}`;
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let missingRetryAfter = 0;
    let created = 0;
    let stopped = false;
    // Each client creates robots one after the other, retrying each (same Idempotency-Key) until
    // acknowledged: a create committed whose answer was lost with the connection is replayed, not repeated.
    const clients = Array.from({ length: 6 }, async (_, c) => {
      for (let k = 0; !stopped; k++) {
        created++;
        for (;;) {
          const res = await api.createRobot(
            { robot_type: 'outage_load', input_data: { c, k }, correlation_id: correlation },
            { 'idempotency-key': `${correlation}-${c}-${k}` },
          );
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201 || res.status === 200) {
            acknowledged.push(res.body.robot_id);
            break;
          }
          if (!/^\d+$/.test(res.headers.get('retry-after') ?? '')) missingRetryAfter++;
          if (res.status !== 503) break;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1_000));
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 2_000));
    const before = acknowledged.length;
    await proxy.start();
    const back = Date.now();
    while (acknowledged.length <= before + 5 && Date.now() - back < 10_000) await new Promise((r) => setTimeout(r, 50));
    const recoveredMs = Date.now() - back;
    await new Promise((r) => setTimeout(r, 500));
    stopped = true;
    await Promise.all(clients);
    const { rows } = await t.db.query<{ robot_id: string }>(`SELECT robot_id FROM robots WHERE correlation_id = $1`, [
      correlation,
    ]);
    const stored = new Set(rows.map((row) => row.robot_id));
    process.stdout.write(
      `| PostgreSQL cut 2 s under load | sent ${created} | acknowledged ${acknowledged.length} | stored ${stored.size} ` +
        `| answers ${JSON.stringify(Object.fromEntries(statuses))} | back in ${(recoveredMs / 1000).toFixed(1)} s |\n`,
    );
    expect([...statuses.keys()].filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    expect(statuses.get(503)).toBeGreaterThan(0);
    expect(missingRetryAfter).toBe(0);
    expect(recoveredMs).toBeLessThan(10_000);
    expect(acknowledged).toHaveLength(created);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(created);
  }, 60_000);
});

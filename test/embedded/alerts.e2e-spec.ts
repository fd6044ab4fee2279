import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createServer, type Server } from 'node:http';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { CacheService } from '../../src/cache/cache.service.js';
import { AlertEvaluator } from '../../src/monitoring/alerts/alert-evaluator.service.js';
import { AlertsJob, FLEET_ALERTS_JOB } from '../../src/monitoring/alerts/alerts.job.js';
import { AlertsService } from '../../src/monitoring/alerts/alerts.service.js';
import { PerformanceTracker } from '../../src/monitoring/metrics/performance-tracker.service.js';
import { HealthMonitorService } from '../../src/registry/health-monitor.service.js';
import { eventually } from '../support/eventually.js';
import { DatabaseBreakerGuard } from '../../src/state/database-breaker.guard.js';
import { poolOf, READ_DATA_SOURCE } from '../../src/state/data-source.js';
import { OutboxRelay } from '../../src/state/outbox-relay.service.js';
import type { AlertChange } from '../../src/state/repositories/monitoring-alerts.repository.js';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { http, useTestApp } from '../support/test-app.js';

interface AlertItem {
  alert_id: number;
  rule: string;
  subject: string;
  severity: string;
  state: string;
  message: string;
  value: number;
  threshold: number;
  fired_at: string;
  resolved_at: string | null;
  last_evaluated_at: string;
}
interface AlertPage {
  items: AlertItem[];
  next_cursor: string | null;
}

/** A real HTTP health endpoint whose status code the test sets. */
function fakeWorker(): { server: Server; url: Promise<string>; answer: { status: number } } {
  const answer = { status: 200 };
  const server = createServer((_req, res) => res.writeHead(answer.status).end('{}'));
  const url = new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/health`),
    ),
  );
  return { server, url, answer };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = (changes: AlertChange[], rule: string, subject?: string) =>
  changes.filter((c) => c.rule === rule && (subject === undefined || c.subject === subject)).map((c) => c.event_type);

describe('alerts (PGlite)', () => {
  const worker = fakeWorker();
  const t = useTestApp({
    // The evaluations are driven by the tests, never by the timer.
    ALERTS_ENABLED: 'false',
    ALERT_MIN_SAMPLES: '5',
    // Forced conditions: every API call is "slow", and readiness answers 503 (RSS above 64 MB).
    ALERT_RESPONSE_TIME_MS: '1',
    HEALTH_MEMORY_RSS_LIMIT_MB: '64',
    HEALTH_CHECK_TIMEOUT_MS: '300',
    HEALTH_DEGRADED_AFTER: '1',
    HEALTH_UNHEALTHY_AFTER: '1',
    BREAKER_MIN_FAILURES: '1',
    BREAKER_EVALUATION_INTERVAL_MS: '50',
    DB_READ_POOL_MIN: '1',
    DB_READ_POOL_MAX: '2',
  });
  afterAll(() => {
    worker.server.closeAllConnections();
    worker.server.close();
  });

  let evaluator: AlertEvaluator;
  const published: Array<{ event_type: string; module_name: string | null; payload: Record<string, unknown> }> = [];
  beforeAll(() => {
    evaluator = t.app.get(AlertEvaluator);
    const emitter = t.app.get(EventEmitter2);
    for (const type of ['alert.fired', 'alert.resolved']) {
      emitter.on(type, (event: (typeof published)[number]) => published.push(event));
    }
  });

  const rows = async (rule: string, subject: string) =>
    (
      await t.db.query<{
        alert_id: string;
        state: string;
        fired_at: Date;
        resolved_at: Date | null;
        last_evaluated_at: Date;
      }>(
        `SELECT alert_id::text, state, fired_at, resolved_at, last_evaluated_at FROM monitoring_alerts
          WHERE rule = $1 AND subject = $2 ORDER BY alert_id`,
        [rule, subject],
      )
    ).rows;
  const setHealth = async (status: number) => {
    worker.answer.status = status;
    await t.app.get(HealthMonitorService).checkAll();
  };

  describe('fleet rules', () => {
    it('fires an UNHEALTHY module once, even from two evaluations at once, and resolves it when it heals', async () => {
      const api = lifecycleClient(t);
      await api.send('POST', '/api/v1/modules', {
        module_name: 'Watched',
        module_version: '1',
        supported_robot_types: ['watched_work'],
        health_endpoint: await worker.url,
      });
      await setHealth(200);
      expect(pick(await evaluator.evaluateFleet(), 'module_unhealthy')).toEqual([]);

      await setHealth(503);
      const [first, second] = await Promise.all([evaluator.evaluateFleet(), evaluator.evaluateFleet()]);
      expect([...pick(first, 'module_unhealthy', 'Watched'), ...pick(second, 'module_unhealthy', 'Watched')]).toEqual([
        'alert.fired',
      ]);
      const fired = await rows('module_unhealthy', 'Watched');
      expect(fired).toHaveLength(1);
      expect(fired[0].state).toBe('FIRING');

      // Still UNHEALTHY: nothing new, only last_evaluated_at moves.
      expect(pick(await evaluator.evaluateFleet(), 'module_unhealthy')).toEqual([]);
      const still = await rows('module_unhealthy', 'Watched');
      expect(still).toHaveLength(1);
      expect(still[0].last_evaluated_at.getTime()).toBeGreaterThanOrEqual(fired[0].last_evaluated_at.getTime());
      expect(still[0].fired_at).toEqual(fired[0].fired_at);

      await setHealth(200);
      expect(pick(await evaluator.evaluateFleet(), 'module_unhealthy', 'Watched')).toEqual(['alert.resolved']);
      const [resolved] = await rows('module_unhealthy', 'Watched');
      expect(resolved).toMatchObject({ state: 'RESOLVED' });
      expect(resolved.resolved_at).not.toBeNull();
    });

    it('writes alert.fired and alert.resolved to the outbox, and the relay publishes them', async () => {
      const [alert] = await rows('module_unhealthy', 'Watched');
      const { rows: events } = await t.db.query<{
        event_type: string;
        robot_id: string | null;
        module_name: string | null;
        payload: Record<string, unknown>;
      }>(
        `SELECT event_type, robot_id, module_name, payload FROM events
          WHERE event_type LIKE 'alert.%' AND payload->>'alert_id' = $1 ORDER BY event_id`,
        [alert.alert_id],
      );
      expect(events.map((e) => [e.event_type, e.robot_id, e.module_name, e.payload.state])).toEqual([
        ['alert.fired', null, 'Watched', 'FIRING'],
        ['alert.resolved', null, 'Watched', 'RESOLVED'],
      ]);
      expect(events[0].payload).toMatchObject({ rule: 'module_unhealthy', subject: 'Watched', severity: 'CRITICAL' });

      const relay = t.app.get(OutboxRelay);
      const deadline = Date.now() + 5_000;
      const mine = () => published.filter((e) => e.payload.alert_id === Number(alert.alert_id));
      while (mine().length < 2 && Date.now() < deadline) {
        relay.kick();
        await sleep(50);
      }
      await relay.settle();
      expect(mine().map((e) => e.event_type)).toEqual(['alert.fired', 'alert.resolved']);
    });

    it('fires the same module again only after the cool-down since it last fired', async () => {
      await setHealth(503);
      expect(pick(await evaluator.evaluateFleet(), 'module_unhealthy', 'Watched')).toEqual([]);
      expect(await rows('module_unhealthy', 'Watched')).toHaveLength(1);

      // ALERT_COOLDOWN_SECONDS (300) have passed since it fired.
      await t.db.query(
        `UPDATE monitoring_alerts SET fired_at = fired_at - interval '301 seconds'
          WHERE rule = 'module_unhealthy' AND subject = 'Watched'`,
      );
      expect(pick(await evaluator.evaluateFleet(), 'module_unhealthy', 'Watched')).toEqual(['alert.fired']);
      expect((await rows('module_unhealthy', 'Watched')).map((r) => r.state)).toEqual(['RESOLVED', 'FIRING']);

      await setHealth(200);
      expect(pick(await evaluator.evaluateFleet(), 'module_unhealthy', 'Watched')).toEqual(['alert.resolved']);
    });

    it('fires while a module is quarantined by its breaker and resolves when a probe closes it', async () => {
      const api = lifecycleClient(t);
      await api.registerModule('Flaky', ['flaky_work']);
      for (let i = 0; i < 2; i++)
        await api.createRobot({ robot_type: 'flaky_work', input_data: { i }, retry_limit: 0 });
      const [doomed] = (await api.claim('Flaky', { max_robots: 1 })).body;
      await api.fail(doomed.execute_id, {
        lease_token: doomed.lease_token,
        error_category: 'EXTERNAL_API',
        error_message: 'down',
      });
      const breakerOf = async () =>
        (await api.send<{ breaker_state: string }>('GET', '/api/v1/modules/Flaky')).body.breaker_state;
      expect(await eventually(breakerOf, (state) => state === 'OPEN')).toBe('OPEN');
      expect(pick(await evaluator.evaluateFleet(), 'module_breaker_open', 'Flaky')).toEqual(['alert.fired']);

      // The cool-down is over: one probe robot goes through and succeeds.
      await t.db.query(
        `UPDATE module_registry SET breaker_until = now() - interval '1 second' WHERE module_name = 'Flaky'`,
      );
      const [probe] = (await api.claim('Flaky')).body;
      await api.complete(probe.execute_id, { lease_token: probe.lease_token, output_data: {} });
      expect(await eventually(breakerOf, (state) => state === 'CLOSED')).toBe('CLOSED');
      expect(pick(await evaluator.evaluateFleet(), 'module_breaker_open', 'Flaky')).toEqual(['alert.resolved']);
    });

    it('fires when the oldest PENDING robot waits too long and resolves when it leaves the queue', async () => {
      const api = lifecycleClient(t);
      const robot = (await api.createRobot({ robot_type: 'nobody_handles_this', input_data: {} })).body;
      expect(robot.status).toBe('PENDING');
      expect(pick(await evaluator.evaluateFleet(), 'pending_age')).toEqual([]);

      await t.db.query(`UPDATE robots SET created_at = created_at - interval '10 minutes' WHERE robot_id = $1`, [
        robot.robot_id,
      ]);
      expect(pick(await evaluator.evaluateFleet(), 'pending_age', 'fleet')).toEqual(['alert.fired']);
      const [firing] = (await t.app.get(AlertsService).active()).filter((a) => a.rule === 'pending_age');
      expect(firing).toMatchObject({ subject: 'fleet', threshold: 300, severity: 'WARNING' });
      expect(firing.value).toBeGreaterThanOrEqual(600);

      expect((await api.cancel(robot.robot_id)).status).toBe(200);
      expect(pick(await evaluator.evaluateFleet(), 'pending_age', 'fleet')).toEqual(['alert.resolved']);
    });

    it('resolves the alerts of an instance that stopped evaluating', async () => {
      const {
        rows: [gone],
      } = await t.db.query<{ alert_id: string }>(
        `INSERT INTO monitoring_alerts (rule, subject, severity, message, value, threshold, fired_at, last_evaluated_at)
         VALUES ('error_rate', 'gone-host:1:deadbeef', 'CRITICAL', 'x', 0.5, 0.05, now() - interval '1 hour', now() - interval '10 minutes')
         RETURNING alert_id::text`,
      );
      expect(pick(await evaluator.evaluateFleet(), 'error_rate', 'gone-host:1:deadbeef')).toEqual(['alert.resolved']);
      expect((await rows('error_rate', 'gone-host:1:deadbeef')).map((r) => [r.alert_id, r.state])).toEqual([
        [gone.alert_id, 'RESOLVED'],
      ]);
    });

    it('runs the fleet pass from the scheduled tick on one instance per tick', async () => {
      await t.app.get(AlertsJob).tick();
      const { rows: runs } = await t.db.query(`SELECT instance_id FROM job_runs WHERE job_name = $1`, [
        FLEET_ALERTS_JOB,
      ]);
      expect(runs).toEqual([{ instance_id: evaluator.instanceId }]);
    });
  });

  describe('instance rules (subject: this instance)', () => {
    const me = () => evaluator.instanceId;

    it('fires when a database pool is over 90 % in use and resolves when connections are returned', async () => {
      const readPool = poolOf(t.app.get<DataSource>(getDataSourceToken(READ_DATA_SOURCE)));
      const held: PoolClient[] = await Promise.all([readPool.connect(), readPool.connect()]);
      try {
        expect(pick(await evaluator.evaluateInstance(), 'db_pool_usage', me())).toEqual(['alert.fired']);
        const { rows: details } = await t.db.query(
          `SELECT value::float8 AS value, details FROM monitoring_alerts WHERE rule = 'db_pool_usage' AND state = 'FIRING'`,
        );
        expect(details).toEqual([{ value: 1, details: { pool: 'read', in_use: 2, max: 2 } }]);
      } finally {
        for (const client of held) client.release();
      }
      expect(pick(await evaluator.evaluateInstance(), 'db_pool_usage', me())).toEqual(['alert.resolved']);
    });

    it('judges the cache hit rate on the lookups since the previous evaluation, not since boot', async () => {
      const api = lifecycleClient(t);
      const robot = (await api.createRobot({ robot_type: 'nobody_handles_this', input_data: {} })).body;
      const hits = async (n: number) => {
        for (let i = 0; i < n; i++) expect((await api.getRobot(robot.robot_id)).status).toBe(200);
      };
      // A clean start: a good window resolves anything the boot's cold cache fired, and the
      // cool-down since then has passed.
      await hits(30);
      await evaluator.evaluateInstance();
      expect((await rows('cache_hit_rate', me())).filter((r) => r.state === 'FIRING')).toEqual([]);
      await t.db.query(
        `UPDATE monitoring_alerts SET fired_at = fired_at - interval '301 seconds' WHERE rule = 'cache_hit_rate'`,
      );

      for (let i = 0; i < 80; i++) expect((await api.getRobot(`NOPE_${i}`)).status).toBe(404);
      expect(pick(await evaluator.evaluateInstance(), 'cache_hit_rate', me())).toEqual(['alert.fired']);

      // Fewer lookups than ALERT_MIN_SAMPLES: not judged, the alert stays.
      await hits(3);
      expect(pick(await evaluator.evaluateInstance(), 'cache_hit_rate', me())).toEqual([]);
      expect((await rows('cache_hit_rate', me())).map((r) => r.state)).toContain('FIRING');

      await hits(30);
      expect(t.app.get(CacheService).stats().hit_rate).toBeLessThan(0.6);
      expect(pick(await evaluator.evaluateInstance(), 'cache_hit_rate', me())).toEqual(['alert.resolved']);
      await api.cancel(robot.robot_id);
    });

    it('fires on a 5xx share above 5 % and resolves once healthy calls dilute it under', async () => {
      for (let i = 0; i < 30; i++) expect((await http(`${t.url}/health/ready`)).status).toBe(503);
      const changes = await evaluator.evaluateInstance();
      expect(pick(changes, 'error_rate', me())).toEqual(['alert.fired']);

      for (let batch = 0; batch < 14; batch++) {
        await Promise.all(Array.from({ length: 50 }, () => http(`${t.url}/health/live`)));
      }
      expect(pick(await evaluator.evaluateInstance(), 'error_rate', me())).toEqual(['alert.resolved']);
    });

    it('fires on a p95 response time above ALERT_RESPONSE_TIME_MS and resolves when the slow minute has passed', async () => {
      await evaluator.evaluateInstance();
      const [slow] = (await rows('response_time', me())).filter((r) => r.state === 'FIRING');
      expect(slow).toBeDefined();
      const [item] = (await t.app.get(AlertsService).active()).filter((a) => a.rule === 'response_time');
      expect(item.threshold).toBe(1);
      expect(item.value).toBeGreaterThan(1);

      // The tracker's rolling minute moves past every call made so far.
      const tracker = t.app.get(PerformanceTracker);
      Object.defineProperty(tracker, 'now', { value: () => Date.now() + 61_000 });
      expect(pick(await evaluator.evaluateInstance(), 'response_time', me())).toEqual(['alert.resolved']);
    });

    it('fires while the database breaker is open and resolves when it closes', async () => {
      const breaker = (t.app.get(DatabaseBreakerGuard) as unknown as { breaker: { open(): void; close(): void } })
        .breaker;
      breaker.open();
      try {
        expect(t.app.get(DatabaseBreakerGuard).state).toBe('OPEN');
        expect(pick(await evaluator.evaluateInstance(), 'db_breaker_open', me())).toEqual(['alert.fired']);
      } finally {
        breaker.close();
      }
      expect(pick(await evaluator.evaluateInstance(), 'db_breaker_open', me())).toEqual(['alert.resolved']);
    });
  });

  describe('GET /api/v1/monitoring/alerts', () => {
    const list = (query = '', key?: string | null) =>
      http<AlertPage>(`${t.url}/api/v1/monitoring/alerts${query}`, key === undefined ? {} : { key });

    beforeAll(async () => {
      // One alert still firing, so every filter has something to show.
      await setHealth(503);
      await t.db.query(
        `UPDATE monitoring_alerts SET fired_at = fired_at - interval '1 hour' WHERE rule = 'module_unhealthy'`,
      );
      await evaluator.evaluateFleet();
    });

    it('lists every alert newest first, with the documented fields in ISO UTC', async () => {
      const { status, body } = await list();
      expect(status).toBe(200);
      const { rows: all } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM monitoring_alerts`);
      expect(body.items).toHaveLength(all[0].n);
      const fired = body.items.map((a) => a.fired_at);
      expect([...fired].sort().reverse()).toEqual(fired);
      const item = body.items.find((a) => a.rule === 'db_pool_usage')!;
      expect(Object.keys(item).sort()).toEqual(
        [
          'alert_id',
          'rule',
          'subject',
          'severity',
          'state',
          'message',
          'value',
          'threshold',
          'fired_at',
          'resolved_at',
          'last_evaluated_at',
        ].sort(),
      );
      expect(item).toMatchObject({ subject: evaluator.instanceId, state: 'RESOLVED', value: 1, threshold: 0.9 });
      for (const at of [item.fired_at, item.resolved_at, item.last_evaluated_at]) {
        expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
    });

    it('filters by state; active() returns exactly the firing ones', async () => {
      const firing = (await list('?state=firing')).body.items;
      const resolved = (await list('?state=resolved')).body.items;
      expect(firing.length).toBeGreaterThan(0);
      expect(resolved.length).toBeGreaterThan(0);
      expect(firing.every((a) => a.state === 'FIRING' && a.resolved_at === null)).toBe(true);
      expect(resolved.every((a) => a.state === 'RESOLVED' && a.resolved_at !== null)).toBe(true);
      expect(firing.map((a) => `${a.rule}:${a.subject}`)).toContain('module_unhealthy:Watched');
      expect(await t.app.get(AlertsService).active()).toEqual(firing);
      expect(firing.length + resolved.length).toBe((await list()).body.items.length);
    });

    it('pages with limit and cursor, without gaps or repeats', async () => {
      const all = (await list('?limit=200')).body.items.map((a) => a.alert_id);
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: AlertPage = (await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).body;
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((a) => a.alert_id));
        cursor = page.next_cursor;
      } while (cursor);
      expect(seen).toEqual(all);
    });

    it('ends the list at a page that is exactly full, first or later', async () => {
      const all = (await list('?limit=200')).body;
      const n = all.items.length;
      expect(n).toBeGreaterThan(1);
      expect(all.next_cursor).toBeNull();
      expect((await list(`?limit=${n}`)).body).toEqual({ items: all.items, next_cursor: null });
      const first = (await list(`?limit=${n - 1}`)).body;
      expect(first.next_cursor).toEqual(expect.any(String));
      expect((await list(`?limit=1&cursor=${first.next_cursor}`)).body).toEqual({
        items: [all.items[n - 1]],
        next_cursor: null,
      });
    });

    it.each(['?limit=0', '?limit=201', '?limit=x', '?state=open', '?cursor=bm9wZQ', '?sort=asc'])(
      'refuses %s with 400',
      async (query) => {
        expect((await list(query)).status).toBe(400);
      },
    );

    it('needs a key (401) holding monitoring:read (403)', async () => {
      expect((await list('', null)).status).toBe(401);
      const issue = async (scopes: string[]) =>
        (
          await http<{ api_key: string }>(`${t.url}/api/v1/api-keys`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: `alerts ${scopes.join(',')}`, scopes }),
          })
        ).body.api_key;
      const robotsOnly = await issue(['robots:read', 'modules:read']);
      const monitoring = await issue(['monitoring:read']);
      expect((await list('', robotsOnly)).status).toBe(403);
      expect((await list('?state=firing', monitoring)).status).toBe(200);
    });
  });
});

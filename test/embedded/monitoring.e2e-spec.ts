import { describe, expect, it } from '@jest/globals';
import { HealthState } from '../../src/monitoring/health/health-state.service.js';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { http, useTestApp } from '../support/test-app.js';

type Probe = { status: string; message?: string; checked_at: string; [detail: string]: unknown };
type Ready = { status: string; details: Record<string, Probe> };
/** A 503 is a problem document; `checks` names every probe and its state. */
type NotReady = { status: number; checks: Record<string, Probe> };
type Dashboard = {
  system_status: string;
  fleet_figures_at: string;
  active_robots: { total_active: number; by_status: Record<string, number>; queue_depth: number };
  module_health: { total: number; by_health: Record<string, number>; modules: Array<Record<string, unknown>> };
  performance_metrics: {
    operations: Array<{ operation: string; count: number; success_rate: number; p95_ms: number }>;
    last_hour: Array<{
      minute: string;
      robots_created: number;
      robots_completed: number;
      robots_failed: number;
      requests: number | null;
      p95_ms: number | null;
    }>;
  };
  error_rates: { http_error_rate: number; robot_failure_rate_1h: number; by_error_category: Record<string, number> };
  cache_statistics: { backend: string; hits: number; misses: number; hit_rate: number };
  database_status: { status: string; engine: string; breaker_state: string };
  resource_usage: { rss_mb: number; heap_used_mb: number; cpu_percent: number; uptime_seconds: number };
  active_alerts: { firing: number; critical: number; items: unknown[] };
};

const sum = (rows: ReadonlyArray<object>, field: string) =>
  rows.reduce((total: number, row) => total + Number((row as Record<string, unknown>)[field]), 0);

describe('health, readiness and the dashboard API (PGlite)', () => {
  // Probes refresh only when the test asks (a minute apart otherwise); the event loop counts as
  // lagging past 40 ms, a delay the test can cause on purpose.
  const t = useTestApp({ HEALTH_REFRESH_MS: '60000', HEALTH_EVENT_LOOP_LAG_MAX_MS: '40' });
  const ready = () => http<Ready>(`${t.url}/health/ready`, { key: null });

  it('is ready: database, cache, disk, memory and event loop, each with its figures', async () => {
    const res = await ready();
    // The body names the probe that is down, when one is.
    expect(res.status === 200 ? 200 : res.body).toBe(200);
    expect(Object.keys(res.body.details).sort()).toEqual(['cache', 'database', 'disk', 'event_loop', 'memory']);
    expect(res.body.details.database).toMatchObject({ status: 'up', engine: 'pglite' });
    expect(res.body.details.cache).toMatchObject({ status: 'up', backend: 'memory' });
    expect(res.body.details.disk.free_mb).toBeGreaterThan(0);
    expect(res.body.details.disk.total_mb).toBeGreaterThanOrEqual(res.body.details.disk.free_mb as number);
    expect(res.body.details.memory.rss_mb).toBeGreaterThan(0);
  });

  it('answers from the last background refresh, not a probe per call', async () => {
    const first = await ready();
    const second = await ready();
    expect(second.body.details.database.checked_at).toBe(first.body.details.database.checked_at);
    await t.app.get(HealthState).refresh();
    // The checks are what is under test: with a 200 ms window (HEALTH_REFRESH_MS in tests) one
    // slow tick of this shared machine can turn the event-loop probe down, and the answer a 503.
    const third = (await ready()) as unknown as { body: Partial<Ready> & Partial<NotReady> };
    const checks = third.body.details ?? third.body.checks;
    expect(Date.parse(checks!.database.checked_at as string)).toBeGreaterThan(
      Date.parse(first.body.details.database.checked_at),
    );
  });

  it('is not ready while the event loop lags, and ready again once it does not', async () => {
    const state = t.app.get(HealthState);
    await state.refresh();
    // The delay histogram restarts at each refresh and takes its first reading a timer tick later.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Block this process's event loop (the app's too) for 150 ms.
    const until = Date.now() + 150;
    while (Date.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await state.refresh();
    const lagging = await http<NotReady>(`${t.url}/health/ready`, { key: null });
    expect(lagging.status).toBe(503);
    expect(lagging.body.checks.event_loop).toMatchObject({ status: 'down' });
    expect(lagging.body.checks.event_loop.message).toMatch(/^event-loop lag p99 \d+(\.\d+)? ms > 40 ms$/);
    expect(lagging.body.checks.database.status).toBe('up');

    await new Promise((resolve) => setTimeout(resolve, 100));
    await state.refresh();
    expect((await ready()).status).toBe(200);
  });

  it('shows a known workload on the dashboard: robots by state, the last hour, errors, modules', async () => {
    const api = lifecycleClient(t);
    expect((await api.registerModule('DashModule', ['dash_work'])).status).toBe(201);
    for (let i = 0; i < 5; i++)
      expect((await api.createRobot({ robot_type: 'dash_work', input_data: { i } })).status).toBe(201);
    const claimed = (await api.claim('DashModule', { max_robots: 3 })).body;
    expect(claimed).toHaveLength(3);
    expect(
      (await api.complete(claimed[0].execute_id, { lease_token: claimed[0].lease_token, output_data: {} })).status,
    ).toBe(200);
    const failed = await api.fail(claimed[1].execute_id, {
      lease_token: claimed[1].lease_token,
      error_category: 'VALIDATION',
      error_message: 'missing field',
    });
    expect(failed.body).toMatchObject({ status: 'FAILED' });

    const res = await http<Dashboard>(`${t.url}/api/v1/monitoring/dashboard`);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.active_robots.by_status).toMatchObject({ PENDING: 2, PROCESSING: 1, COMPLETED: 1, FAILED: 1 });
    expect(d.active_robots.total_active).toBe(3);
    expect(d.active_robots.queue_depth).toBe(2);
    expect(d.module_health.modules).toContainEqual(
      expect.objectContaining({ module_name: 'DashModule', health_status: 'UNKNOWN', breaker_state: 'CLOSED' }),
    );
    expect(d.module_health.total).toBe(d.module_health.modules.length);
    expect(d.performance_metrics.last_hour).toHaveLength(60);
    expect(sum(d.performance_metrics.last_hour, 'robots_created')).toBe(5);
    // The minute under way shows this instance's requests and their latency already.
    expect(d.performance_metrics.last_hour.at(-1)).toMatchObject({
      requests: expect.any(Number),
      p95_ms: expect.any(Number),
    });
    expect(d.performance_metrics.last_hour.at(-1)!.requests).toBeGreaterThanOrEqual(5);
    expect(sum(d.performance_metrics.last_hour, 'robots_completed')).toBe(1);
    expect(sum(d.performance_metrics.last_hour, 'robots_failed')).toBe(1);
    expect(d.error_rates).toMatchObject({ robot_failure_rate_1h: 0.5, by_error_category: { VALIDATION: 1 } });
    const ops = Object.fromEntries(d.performance_metrics.operations.map((op) => [op.operation, op]));
    expect(ops.robot_creation.count).toBe(5);
    expect(ops.database_query.count).toBeGreaterThan(5);
    expect(ops.cache_operation.count).toBeGreaterThan(0);
    expect(d.cache_statistics.backend).toBe('memory');
    expect(d.database_status).toMatchObject({ status: 'up', engine: 'pglite', breaker_state: 'CLOSED' });
    expect(d.resource_usage.rss_mb).toBeGreaterThan(0);
    expect(['HEALTHY', 'DEGRADED']).toContain(d.system_status);
    const firing = await http<{ items: unknown[] }>(`${t.url}/api/v1/monitoring/alerts?state=firing`);
    expect(d.active_alerts).toMatchObject({ firing: firing.body.items.length, items: firing.body.items });

    // The database figures are kept 30 s: a robot created now shows on the next computation.
    expect((await api.createRobot({ robot_type: 'dash_work', input_data: {} })).status).toBe(201);
    const again = (await http<Dashboard>(`${t.url}/api/v1/monitoring/dashboard`)).body;
    expect(again.fleet_figures_at).toBe(d.fleet_figures_at);
    expect(again.active_robots.by_status.PENDING).toBe(2);
    expect(again.performance_metrics.operations.find((op) => op.operation === 'robot_creation')?.count).toBe(6);
  });

  it('keeps the dashboard to monitoring:read keys and the detailed health to admins', async () => {
    expect((await http(`${t.url}/api/v1/monitoring/dashboard`, { key: null })).status).toBe(401);
    const reader = await http<{ api_key: string }>(`${t.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ops screen', scopes: ['monitoring:read'] }),
    });
    expect(reader.status).toBe(201);
    const key = reader.body.api_key;
    expect((await http(`${t.url}/api/v1/monitoring/dashboard`, { key })).status).toBe(200);
    expect((await http(`${t.url}/api/v1/monitoring/health`, { key })).status).toBe(403);

    const detailed = await http<{
      status: string;
      probes: Record<string, Probe>;
      modules: { total: number; attention: unknown[] };
    }>(`${t.url}/api/v1/monitoring/health`);
    expect(detailed.status).toBe(200);
    expect(Object.keys(detailed.body.probes).sort()).toEqual(['cache', 'database', 'disk', 'event_loop', 'memory']);
    // DashModule has never been checked (UNKNOWN): it needs attention.
    expect(detailed.body.modules.attention).toContainEqual(expect.objectContaining({ module_name: 'DashModule' }));
  });
});

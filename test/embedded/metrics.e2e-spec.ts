import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { parseExposition, valueOf, type Exposition } from '../support/prometheus-text.js';
import { http, startApp, TEST_ADMIN_KEY, useTestApp } from '../support/test-app.js';
import { tempDir } from '../support/test-app.js';

const ROBOTS = 7;
const READS = 3;
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('GET /metrics after a known workload (PGlite)', () => {
  const t = useTestApp({ APP_ENV: 'test' });
  let exposition: Exposition;
  let contentType: string | null;
  let body = '';

  it('drives the workload, then scrapes without a key (METRICS_ACCESS=public)', async () => {
    const module = await http(
      `${t.url}/api/v1/modules`,
      json('POST', { module_name: 'MetricsModule', module_version: '1.0.0', supported_robot_types: ['metrics_probe'] }),
    );
    expect(module.status).toBe(201);
    const ids: string[] = [];
    for (let i = 0; i < ROBOTS; i++) {
      const created = await http<{ robot_id: string }>(
        `${t.url}/api/v1/robots`,
        json('POST', { robot_type: 'metrics_probe', input_data: { i } }),
      );
      expect(created.status).toBe(201);
      ids.push(created.body.robot_id);
    }
    for (const id of ids.slice(0, READS)) expect((await http(`${t.url}/api/v1/robots/${id}`)).status).toBe(200);
    expect((await http(`${t.url}/api/v1/robots/no-such-robot`)).status).toBe(404);
    expect((await http(`${t.url}/api/v1/robots`, json('POST', { robot_type: 'metrics_probe' }))).status).toBe(400);
    expect((await http(`${t.url}/no/such/path`)).status).toBe(404);

    const scrape = await http<string>(`${t.url}/metrics`, { key: null });
    expect(scrape.status).toBe(200);
    contentType = scrape.headers.get('content-type');
    exposition = parseExposition(scrape.body);
    body = scrape.body;
  });

  // Debian's promtool (.ci/run installs it): Prometheus' own parser and linter. Skipped only on a
  // developer machine without it; under CI its absence fails the test.
  const promtool = spawnSync('promtool', ['--version']).status === 0 || process.env.CI === 'true';
  (promtool ? it : it.skip)('passes promtool check metrics', () => {
    const checked = spawnSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
    // A parse error fails outright; lint findings are allowed only on prom-client's default
    // metrics (it names gauges nodejs_active_handles_total and the like), never on ours.
    const findings = `${checked.stdout}${checked.stderr}`.split('\n').filter(Boolean);
    expect(findings.filter((line) => !/^(nodejs|process)_\w+ /.test(line))).toEqual([]);
  });

  it('answers the Prometheus text format, every family with HELP and TYPE', () => {
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      'process_cpu_user_seconds_total',
      'nodejs_eventloop_lag_seconds',
      'botfleet_http_request_duration_seconds',
      'botfleet_http_requests_total',
      'botfleet_robots',
      'botfleet_active_executions',
      'botfleet_queue_depth',
      'botfleet_oldest_pending_robot_age_seconds',
      'botfleet_outbox_backlog',
      'botfleet_module_health',
      'botfleet_module_performance_score',
      'botfleet_module_capacity_utilization',
      'botfleet_module_breaker_open',
      'botfleet_cache_hits_total',
      'botfleet_cache_misses_total',
      'botfleet_db_pool_in_use',
      'botfleet_db_pool_idle',
      'botfleet_db_pool_waiting',
      'botfleet_db_breaker_state',
    ]) {
      expect(exposition.families.has(name)).toBe(true);
    }
  });

  it('counts the workload exactly, by route template', () => {
    const total = (method: string, route: string, status: string) =>
      valueOf(exposition, 'botfleet_http_requests_total', { method, route, status });
    expect(total('POST', '/api/v1/modules', '201')).toBe(1);
    expect(total('POST', '/api/v1/robots', '201')).toBe(ROBOTS);
    expect(total('GET', '/api/v1/robots/:robot_id', '200')).toBe(READS);
    expect(total('GET', '/api/v1/robots/:robot_id', '404')).toBe(1);
    expect(total('POST', '/api/v1/robots', '400')).toBe(1);
    expect(total('GET', 'unmatched', '404')).toBe(1);
    expect(
      valueOf(exposition, 'botfleet_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/v1/robots',
        status: '201',
      }),
    ).toBe(ROBOTS);
    expect(
      valueOf(exposition, 'botfleet_http_request_duration_seconds_bucket', {
        method: 'POST',
        route: '/api/v1/robots',
        status: '201',
        le: '+Inf',
      }),
    ).toBe(ROBOTS);
    const routes = exposition.samples.map((s) => s.labels.route).filter(Boolean);
    for (const route of routes) expect(route).not.toMatch(/no-such-robot|ROBOT|\/no\/such/);
  });

  it('reports the fleet: robots by status and type, queue, modules, pools', () => {
    expect(valueOf(exposition, 'botfleet_robots', { status: 'PENDING', robot_type: 'metrics_probe' })).toBe(ROBOTS);
    expect(valueOf(exposition, 'botfleet_queue_depth')).toBeGreaterThanOrEqual(ROBOTS);
    expect(valueOf(exposition, 'botfleet_oldest_pending_robot_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(valueOf(exposition, 'botfleet_active_executions')).toBe(0);
    expect(valueOf(exposition, 'botfleet_module_health', { module: 'MetricsModule' })).toBe(0);
    expect(valueOf(exposition, 'botfleet_module_breaker_open', { module: 'MetricsModule' })).toBe(0);
    expect(valueOf(exposition, 'botfleet_db_breaker_state')).toBe(0);
    expect(valueOf(exposition, 'botfleet_db_pool_idle', { pool: 'write' })).toBeGreaterThanOrEqual(0);
    // The scrape's own fleet query may be queued on the read pool while the pool gauges are read.
    expect(valueOf(exposition, 'botfleet_db_pool_waiting', { pool: 'read' })).toBeGreaterThanOrEqual(0);
    expect(valueOf(exposition, 'botfleet_cache_hits_total')).toBeGreaterThanOrEqual(0);
  });

  it('counts the scrape itself on the next scrape', async () => {
    const next = parseExposition((await http<string>(`${t.url}/metrics`, { key: null })).body);
    expect(valueOf(next, 'botfleet_http_requests_total', { method: 'GET', route: '/metrics', status: '200' })).toBe(1);
  });
});

describe('METRICS_ACCESS=key and METRICS_ENABLED=false', () => {
  it('refuses a keyless scrape with 401 and serves one with a key', async () => {
    const dir = tempDir();
    const app = await startApp({ DATA_DIR: dir.path, METRICS_ACCESS: 'key' });
    try {
      expect((await http(`${app.url}/metrics`, { key: null })).status).toBe(401);
      const scraped = await http<string>(`${app.url}/metrics`, { key: TEST_ADMIN_KEY });
      expect(scraped.status).toBe(200);
      const exposition = parseExposition(scraped.body);
      expect(
        valueOf(exposition, 'botfleet_http_requests_total', { method: 'GET', route: '/metrics', status: '401' }),
      ).toBe(1);
    } finally {
      await app.close();
      dir.remove();
    }
  });

  it('has no /metrics when metrics are off', async () => {
    const dir = tempDir();
    const app = await startApp({ DATA_DIR: dir.path, METRICS_ENABLED: 'false' });
    try {
      expect((await http(`${app.url}/metrics`, { key: null })).status).toBe(404);
    } finally {
      await app.close();
      dir.remove();
    }
  });
});

import { afterAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { HealthMonitorService } from '../../src/registry/health-monitor.service.js';
import { PerformanceScorerService } from '../../src/registry/performance-scorer.service.js';
import { WorkerActivity } from '../../src/registry/worker-activity.service.js';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { http, useTestApp } from '../support/test-app.js';

/** A real HTTP health endpoint whose answer the test controls: a status code, or silence. */
function fakeWorker(): { server: Server; url: Promise<string>; answer: { status: number | 'hang' } } {
  const answer: { status: number | 'hang' } = { status: 200 };
  const server = createServer((_req, res) => {
    if (answer.status === 'hang') return;
    res.writeHead(answer.status).end('{}');
  });
  const url = new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/health`),
    ),
  );
  return { server, url, answer };
}

describe('module health monitor and performance scorer (PGlite)', () => {
  const worker = fakeWorker();
  const t = useTestApp({ HEALTH_CHECK_TIMEOUT_MS: '300', HEALTH_DEGRADED_AFTER: '1', HEALTH_UNHEALTHY_AFTER: '2' });
  afterAll(() => {
    worker.server.closeAllConnections();
    worker.server.close();
  });

  const moduleView = async (name: string) =>
    (await http<Record<string, unknown>>(`${t.url}/api/v1/modules/${name}`)).body;
  const selected = async (type: string) =>
    (await http<{ selected_module: string | null }>(`${t.url}/api/v1/routing/select?robot_type=${type}`)).body
      .selected_module;

  it('moves a module HEALTHY → DEGRADED → UNHEALTHY and back, taking it out of routing meanwhile', async () => {
    const api = lifecycleClient(t);
    const endpoint = await worker.url;
    await api.send('POST', '/api/v1/modules', {
      module_name: 'Watched',
      module_version: '1',
      supported_robot_types: ['watched_work'],
      health_endpoint: endpoint,
    });
    const monitor = t.app.get(HealthMonitorService);

    expect(await monitor.checkAll()).toEqual({ checked: 1, changed: 1 });
    expect(await moduleView('Watched')).toMatchObject({ health_status: 'HEALTHY', consecutive_failures: 0 });

    worker.answer.status = 503;
    await monitor.checkAll();
    expect(await moduleView('Watched')).toMatchObject({
      health_status: 'DEGRADED',
      consecutive_failures: 1,
      last_error_message: 'HTTP 503',
    });
    expect(await selected('watched_work')).toBe('Watched');

    worker.answer.status = 'hang';
    const outcome = await monitor.check('Watched', endpoint);
    expect(outcome).toMatchObject({ ok: false, error: 'timeout after 300 ms', after: 'UNHEALTHY' });
    await t.app.get(HealthMonitorService).checkAll();
    expect(await moduleView('Watched')).toMatchObject({ health_status: 'UNHEALTHY' });
    expect(await selected('watched_work')).toBeNull();

    worker.answer.status = 200;
    await monitor.checkAll();
    const healed = await moduleView('Watched');
    expect(healed).toMatchObject({ health_status: 'HEALTHY', consecutive_failures: 0 });
    // 2 of the 5 checks above succeeded in the last 24 h: the uptime is the share of good checks.
    // Counted from the table, because the app's own 5-minute health cron may add one in between.
    const checks = (
      await t.db.query<{ ok: number; n: number }>(
        `SELECT count(*) FILTER (WHERE ok)::int AS ok, count(*)::int AS n FROM module_health_checks WHERE module_name = 'Watched'`,
      )
    ).rows[0];
    expect(checks.n).toBeGreaterThanOrEqual(5);
    expect(healed.uptime_percentage_24h).toBe(Math.round((checks.ok / checks.n) * 10_000) / 100);
    expect(await selected('watched_work')).toBe('Watched');

    const { rows } = await t.db.query<{ payload: { from: string; to: string } }>(
      `SELECT payload FROM events WHERE event_type = 'module.health_changed' AND module_name = 'Watched' ORDER BY event_id`,
    );
    expect(rows.map((r) => `${r.payload.from}→${r.payload.to}`)).toEqual([
      'UNKNOWN→HEALTHY',
      'HEALTHY→DEGRADED',
      'DEGRADED→UNHEALTHY',
      'UNHEALTHY→HEALTHY',
    ]);
  });

  it("takes a pull-only worker's claims and progress as liveness: HEALTHY while it works, DEGRADED when silent", async () => {
    const api = lifecycleClient(t);
    const endpoint = await worker.url;
    await api.registerModule('PullOnly', ['pull_work']);
    await api.send('POST', '/api/v1/modules', {
      module_name: 'Polled',
      module_version: '1',
      supported_robot_types: ['polled_work'],
      health_endpoint: endpoint,
    });
    const activity = t.app.get(WorkerActivity);
    const healthOf = async (name: string) =>
      (await t.db.query<{ h: string }>('SELECT health_status AS h FROM module_registry WHERE module_name = $1', [name]))
        .rows[0].h;
    await activity.flush();
    expect(await healthOf('PullOnly')).toBe('UNKNOWN');

    // A claim, even an empty one, is a sign of life, written by the next flush (this instance's own
    // runs every 5 s too: the assertions read the outcome, whichever flush wrote it).
    expect((await api.claim('PullOnly')).body).toEqual([]);
    expect((await api.claim('Polled')).body).toEqual([]);
    await activity.flush();
    expect(await moduleView('PullOnly')).toMatchObject({
      health_status: 'HEALTHY',
      last_health_check: expect.any(String),
    });
    // A module with a health endpoint is judged by its endpoint only.
    expect(await healthOf('Polled')).toBe('UNKNOWN');

    // Silent for longer than LEASE_SECONDS (60 s): DEGRADED, still routed, with an event.
    await t.db.query(
      `UPDATE module_registry SET last_health_check = now() - interval '61 seconds' WHERE module_name = 'PullOnly'`,
    );
    await activity.flush();
    expect(await healthOf('PullOnly')).toBe('DEGRADED');
    expect(await selected('pull_work')).toBe('PullOnly');
    const { rows } = await t.db.query<{ payload: Record<string, string> }>(
      `SELECT payload FROM events WHERE event_type = 'module.health_changed' AND module_name = 'PullOnly'
        ORDER BY event_id`,
    );
    expect(rows.map((r) => r.payload)).toEqual([
      { from: 'UNKNOWN', to: 'HEALTHY' },
      { from: 'HEALTHY', to: 'DEGRADED' },
    ]);

    // A progress report (a heartbeat is an empty one) brings it back.
    await api.createRobot({ robot_type: 'pull_work', input_data: {} });
    const [claimed] = (await api.claim('PullOnly')).body;
    await activity.flush();
    await t.db.query(
      `UPDATE module_registry SET health_status = 'DEGRADED', last_health_check = now() - interval '61 seconds'
        WHERE module_name = 'PullOnly'`,
    );
    expect((await api.progress(claimed.execute_id, { lease_token: claimed.lease_token })).status).toBe(200);
    await activity.flush();
    expect(await healthOf('PullOnly')).toBe('HEALTHY');
  });

  it('scores modules from the last 24 hours of attempts', async () => {
    const api = lifecycleClient(t);
    await api.registerModule('Scored', ['scored_work'], 5);
    for (let i = 0; i < 5; i++) await api.createRobot({ robot_type: 'scored_work', input_data: { i }, retry_limit: 0 });
    const claimed = (await api.claim('Scored', { max_robots: 5 })).body;
    for (const robot of claimed.slice(0, 3))
      await api.complete(robot.execute_id, { lease_token: robot.lease_token, output_data: {} });
    await api.fail(claimed[3].execute_id, {
      lease_token: claimed[3].lease_token,
      error_category: 'VALIDATION',
      error_message: 'bad',
    });
    expect(claimed).toHaveLength(5);
    // claimed[4] is still running: 1 of 5 capacity in use.

    await t.app.get(PerformanceScorerService).scoreAll();
    const scored = await moduleView('Scored');
    expect(scored).toMatchObject({
      success_rate_24h: 75,
      error_count_24h: 1,
      capacity_utilization: 0.2,
      total_robots_processed: 3,
    });
    // 0.7 * 0.75 + 0.3 * (1 / (1 + avg/60 s)), with avg a few ms: about 0.82.
    expect(scored.performance_score).toBeGreaterThanOrEqual(0.82);
    expect(scored.performance_score).toBeLessThanOrEqual(0.83);
    expect(scored.performance_tier).toBe('MEDIUM');
  });
});

import { describe, expect, it } from '@jest/globals';
import { AlertEvaluator } from '../../src/monitoring/alerts/alert-evaluator.service.js';
import type { Forecast } from '../../src/monitoring/forecast/forecast.service.js';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { http, useTestApp } from '../support/test-app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A remote worker: `slots` loops, each claiming one robot, working `workMs`, completing it. */
function worker(api: ReturnType<typeof lifecycleClient>, module: string, slots: number, workMs: number) {
  let stopped = false;
  const loops = Array.from({ length: slots }, async () => {
    while (!stopped) {
      const claimed = await api.claim(module, { max_robots: 1, wait_ms: 500, lease_seconds: 30 });
      for (const robot of claimed.body ?? []) {
        await sleep(workMs);
        await api.complete(robot.execute_id, { lease_token: robot.lease_token, output_data: {} });
      }
    }
  });
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

describe('forecasts and SLA risk (PGlite)', () => {
  const t = useTestApp({
    ALERTS_ENABLED: 'false',
    SLA_CHECK_INTERVAL_MS: '250',
    SLA_RISK_MARGIN_SECONDS: '1',
    RETRY_BACKOFF_BASE_MS: '50',
  });
  const forecastOf = async (type: string) => {
    const res = await http<Forecast>(`${t.url}/api/v1/monitoring/forecast`);
    expect(res.status).toBe(200);
    return { forecast: res.body, type: res.body.robot_types.find((x) => x.robot_type === type) };
  };
  const queued = async (type: string) =>
    (
      await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM robots WHERE robot_type = $1 AND status IN ('PENDING', 'RETRYING')`,
        [type],
      )
    ).rows[0].n;

  it('estimates the time to drain a replayed steady load within 25 % of what happens', async () => {
    const api = lifecycleClient(t);
    await api.registerModule('SteadyBot', ['steady_work'], 4);
    // A replayed steady load: the last 15 minutes' arrivals at 1.5 a second (finished history),
    // and a backlog of 160 that built up before them. The arrivals go on at the same rate.
    await t.db.query(
      `INSERT INTO robots (robot_id, robot_type, status, priority, input_data, created_at, updated_at, completed_at, next_attempt_at)
       SELECT 'STEADY_HIST_' || g, 'steady_work', 'COMPLETED', 'NORMAL', '{}', now() - g * interval '666 ms',
              now() - g * interval '666 ms', now() - g * interval '666 ms', now() - g * interval '666 ms'
         FROM generate_series(1, 1350) g`,
    );
    const backlog = await api.send('POST', '/api/v1/robots/bulk', {
      robots: Array.from({ length: 160 }, (_, i) => ({ robot_type: 'steady_work', input_data: { i } })),
    });
    expect(backlog.status).toBe(201);
    await t.db.query(
      `UPDATE robots SET created_at = created_at - interval '20 minutes' WHERE robot_type = 'steady_work' AND status = 'PENDING'`,
    );
    // Each robot takes 500 ms of waiting, not of CPU: the rate holds on a busy machine.
    const run = worker(api, 'SteadyBot', 4, 500);
    let producing = true;
    const producer = (async () => {
      while (producing) {
        await api.createRobot({ robot_type: 'steady_work', input_data: {} });
        await sleep(666);
      }
    })();
    try {
      await sleep(8_000);
      const { type } = await forecastOf('steady_work');
      expect(type?.throughput_basis).toBe('observed');
      // 1,350 + the last 8 s in the 15-minute window: about 5,400 an hour.
      expect(type!.arrivals.forecast_next_hour).toBeGreaterThan(5_000);
      const estimate = type!.forecast.drain_seconds as number;
      expect(estimate).toBeGreaterThan(0);
      const from = Date.now();
      while ((await queued('steady_work')) > 4 && Date.now() - from < 10 * estimate * 1000) await sleep(100);
      const actual = (Date.now() - from) / 1000;
      const error = Math.abs(estimate - actual) / actual;
      // eslint-disable-next-line no-console -- the forecast's measured error belongs in the CI log
      console.log(
        `forecast drain: estimated ${estimate.toFixed(1)} s, took ${actual.toFixed(1)} s (error ${(error * 100).toFixed(1)} %, throughput ${type!.throughput_per_hour}/h, arrivals ${type!.arrivals.forecast_next_hour}/h)`,
      );
      expect(error).toBeLessThan(0.25);
    } finally {
      producing = false;
      await producer;
      await run.stop();
    }
  }, 180_000);

  it('flags robots with near deadlines behind a slow module before their deadline, and no generous one', async () => {
    const api = lifecycleClient(t);
    await api.registerModule('SlowBot', ['slow_work'], 1);
    const run = worker(api, 'SlowBot', 1, 400);
    try {
      // History first: the module's duration is measured, not guessed.
      for (let i = 0; i < 6; i++) await api.createRobot({ robot_type: 'slow_work', input_data: { warmup: i } });
      while ((await queued('slow_work')) > 0) await sleep(100);

      const generous = [];
      for (let i = 0; i < 2; i++) {
        generous.push(
          (
            await api.createRobot({
              robot_type: 'slow_work',
              input_data: {},
              deadline: new Date(Date.now() + 3_600_000).toISOString(),
            })
          ).body.robot_id,
        );
      }
      const near = [];
      const due = new Date(Date.now() + 4_000).toISOString();
      for (let i = 0; i < 12; i++) {
        near.push((await api.createRobot({ robot_type: 'slow_work', input_data: {}, deadline: due })).body.robot_id);
      }
      while ((await queued('slow_work')) > 0) await sleep(200);
      await sleep(1_000);

      const rows = (
        await t.db.query<{ robot_id: string; deadline_at: Date; completed_at: Date | null; flagged_at: Date | null }>(
          `SELECT r.robot_id, r.deadline_at, r.completed_at,
                  (SELECT min(e.created_at) FROM events e WHERE e.robot_id = r.robot_id AND e.event_type = 'robot.sla_at_risk') AS flagged_at
             FROM robots r WHERE r.robot_id = ANY($1::text[])`,
          [[...generous, ...near]],
        )
      ).rows;
      const byId = new Map(rows.map((r) => [r.robot_id, r]));
      for (const id of generous) expect(byId.get(id)!.flagged_at).toBeNull();
      const late = near.map((id) => byId.get(id)!).filter((r) => !r.completed_at || r.completed_at > r.deadline_at);
      const flagged = near.map((id) => byId.get(id)!).filter((r) => r.flagged_at);
      // eslint-disable-next-line no-console -- the SLA figures belong in the CI log
      console.log(
        `sla: ${near.length} near deadlines, ${late.length} missed, ${flagged.length} flagged, generous flagged 0`,
      );
      expect(late.length).toBeGreaterThan(0);
      // Every robot that missed its deadline was flagged before it.
      for (const r of late) {
        expect({ robot: r.robot_id, warned_before_deadline: !!r.flagged_at && r.flagged_at < r.deadline_at }).toEqual({
          robot: r.robot_id,
          warned_before_deadline: true,
        });
      }
      const event = await t.db.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM events WHERE event_type = 'robot.sla_at_risk' AND robot_id = $1`,
        [late[0].robot_id],
      );
      expect(event.rows[0].payload).toMatchObject({ robot_type: 'slow_work', margin_seconds: 1 });
    } finally {
      await run.stop();
    }
  }, 120_000);

  it('raises the sla_at_risk alert per robot type, and counts missed deadlines in /metrics', async () => {
    const api = lifecycleClient(t);
    // No module takes this type: once inside the margin, it is at risk.
    await api.createRobot({
      robot_type: 'orphan_work',
      input_data: {},
      deadline: new Date(Date.now() + 500).toISOString(),
    });
    await sleep(1_500);
    const changes = await t.app.get(AlertEvaluator).evaluateFleet();
    expect(changes.filter((c) => c.rule === 'sla_at_risk').map((c) => c.subject)).toContain('orphan_work');
    const metrics = await http<string>(`${t.url}/metrics`, { key: null });
    expect(metrics.body).toMatch(/^botfleet_robots_past_deadline\{robot_type="orphan_work"\} 1$/m);
    expect(metrics.body).toMatch(/^botfleet_robots_sla_at_risk\{robot_type="orphan_work"\} 1$/m);
    expect(metrics.body).toMatch(/^botfleet_robots_finished_late\{robot_type="slow_work"\} [1-9]/m);

    const { forecast, type } = await forecastOf('orphan_work');
    expect(type).toMatchObject({
      throughput_basis: 'none',
      capacity: { reason: 'no module supports orphan_work: register one' },
    });
    expect(forecast.bottlenecks).toContainEqual(
      expect.objectContaining({ kind: 'no_eligible_module', robot_type: 'orphan_work' }),
    );
    expect((await http(`${t.url}/api/v1/monitoring/forecast?target_seconds=5`)).status).toBe(400);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkNotifier } from '../../src/orchestrator/work-notifier.js';
import { JobRunner } from '../../src/state/job-runner.service.js';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { JobRunsRepository } from '../../src/state/repositories/job-runs.repository.js';
import { startApp, type TestApp } from '../support/test-app.js';

/** Two app instances on one database: every tick of a job runs on exactly one of them. */
describe('background jobs across two instances (PostgreSQL)', () => {
  const apps: TestApp[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      apps.push(await startApp({ DATABASE_URL: process.env.TEST_DATABASE_URL, REDIS_URL: process.env.TEST_REDIS_URL }));
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('runs each tick once when both instances fire together', async () => {
    const runners = apps.map((a) => a.app.get(JobRunner));
    expect(runners[0].instanceId).not.toBe(runners[1].instanceId);
    let executions = 0;
    const work = async () => {
      executions++;
      await new Promise((r) => setTimeout(r, 20));
      return {};
    };
    const ticks = 5;
    for (let i = 0; i < ticks; i++) {
      const won = await Promise.all(runners.map((runner) => runner.runOnce('test.shared', 300, work)));
      expect(won.filter(Boolean)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(executions).toBe(ticks);
    const runs = await apps[0].app.get(JobRunsRepository).runs('test.shared');
    expect(runs).toHaveLength(ticks);
    expect(new Set(runs.map((r) => r.tick.getTime())).size).toBe(ticks);
  });

  it('wakes a worker waiting on one instance when another creates its work (LISTEN/NOTIFY)', async () => {
    const [a, b] = apps;
    const heard: string[] = [];
    const notifierB = b.app.get(WorkNotifier);
    const notify = notifierB.notify.bind(notifierB);
    notifierB.notify = (moduleName: string) => {
      heard.push(moduleName);
      notify(moduleName);
    };
    try {
      await lifecycleClient(a).registerModule('CrossInstance', ['cross_work']);
      const waiting = lifecycleClient(b).claim('CrossInstance', { wait_ms: 10_000 });
      await new Promise((r) => setTimeout(r, 300));
      const robot = (await lifecycleClient(a).createRobot({ robot_type: 'cross_work', input_data: {} })).body;
      const claimed = (await waiting).body;
      expect(claimed.map((r) => r.robot_id)).toEqual([robot.robot_id]);
      // B heard of it from PostgreSQL: A's process-local signal cannot reach it.
      expect(heard).toContain('CrossInstance');
    } finally {
      notifierB.notify = notify;
    }
  });

  it('shares the scheduled sweeps: one row per tick whichever instance ran it', async () => {
    await new Promise((r) => setTimeout(r, 5_500));
    const runs = await apps[0].app.get(JobRunsRepository).runs('robots.lease-sweep');
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(new Set(runs.map((r) => r.tick.getTime())).size).toBe(runs.length);
  });
});

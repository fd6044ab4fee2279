import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobRunner } from '../../src/state/job-runner.service.js';
import { JobRunsRepository } from '../../src/state/repositories/job-runs.repository.js';
import { startApp, tempDir, type TestApp } from '../support/test-app.js';

describe('background jobs (PGlite)', () => {
  const dir = tempDir();
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ DATA_DIR: dir.path });
  });
  afterAll(async () => {
    await t?.close();
    dir.remove();
  });

  it('runs a tick once, and records its outcome', async () => {
    const runner = t.app.get(JobRunner);
    let runs = 0;
    const work = async () => ({ n: ++runs });
    expect(await runner.runOnce('test.once', 3_600_000, work)).toBe(true);
    expect(await runner.runOnce('test.once', 3_600_000, work)).toBe(false);
    expect(runs).toBe(1);
    const recorded = await t.app.get(JobRunsRepository).runs('test.once');
    expect(recorded).toEqual([expect.objectContaining({ instance_id: runner.instanceId, outcome: { n: 1 } })]);
  });

  it('records a failed run instead of throwing', async () => {
    const runner = t.app.get(JobRunner);
    expect(await runner.runOnce('test.failing', 3_600_000, async () => Promise.reject(new Error('boom')))).toBe(true);
    expect((await t.app.get(JobRunsRepository).runs('test.failing'))[0].outcome).toEqual({ error: 'boom' });
  });

  it('fires the scheduled sweeps on their own', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const runs = t.app.get(JobRunsRepository);
    expect((await runs.runs('robots.lease-sweep')).length).toBeGreaterThanOrEqual(1);
    expect((await runs.runs('robots.assign-waiting')).length).toBeGreaterThanOrEqual(1);
  });
});

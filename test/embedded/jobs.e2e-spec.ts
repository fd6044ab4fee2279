import { describe, expect, it } from '@jest/globals';
import { AUDIT_RETENTION, AuditRetentionJob } from '../../src/security/audit-retention.job.js';
import { JobRunner } from '../../src/state/job-runner.service.js';
import { OutboxRelay } from '../../src/state/outbox-relay.service.js';
import { RetentionRepository } from '../../src/state/repositories/retention.repository.js';
import { RobotReadsRepository } from '../../src/state/repositories/robot-reads.repository.js';
import { lifecycleClient } from '../support/lifecycle-scenarios.js';
import { JobRunsRepository } from '../../src/state/repositories/job-runs.repository.js';
import { useTestApp } from '../support/test-app.js';

describe('background jobs (PGlite)', () => {
  const t = useTestApp({ RETRY_BACKOFF_BASE_MS: '50', RETRY_BACKOFF_MAX_MS: '100' });

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

  it("purges history past retention, keeping each robot's last attempt and unpublished events", async () => {
    const api = lifecycleClient(t);
    await api.registerModule('Retained', ['retained_work']);
    const robot = (await api.createRobot({ robot_type: 'retained_work', input_data: {}, retry_limit: 1 })).body;
    let [claimed] = (await api.claim('Retained')).body;
    await api.fail(claimed.execute_id, {
      lease_token: claimed.lease_token,
      error_category: 'SYSTEM',
      error_message: 'x',
    });
    await new Promise((r) => setTimeout(r, 1_500));
    [claimed] = (await api.claim('Retained', { wait_ms: 2_000 })).body;
    await api.complete(claimed.execute_id, { lease_token: claimed.lease_token, output_data: {} });
    await t.app.get(OutboxRelay).settle();
    await new Promise((r) => setTimeout(r, 1_200));
    await t.app.get(OutboxRelay).settle();
    // Age everything of this robot by 40 days.
    await t.db.query(
      `UPDATE robot_execute SET started_at = started_at - interval '40 days', completed_at = completed_at - interval '40 days' WHERE robot_id = $1`,
      [robot.robot_id],
    );
    await t.db.query(`UPDATE events SET created_at = created_at - interval '40 days' WHERE robot_id = $1`, [
      robot.robot_id,
    ]);
    // An event the relay has not published yet (its transaction is newer than the cursor) stays.
    await t.db.query(
      `INSERT INTO events (event_type, robot_id, created_at) VALUES ('robot.late', $1, now() - interval '40 days')`,
      [robot.robot_id],
    );

    // Resolved alerts past retention go; a firing one stays however old it is.
    await t.db.query(
      `INSERT INTO monitoring_alerts (rule, subject, severity, message, value, threshold, state, fired_at, resolved_at, last_evaluated_at)
       VALUES ('pending_age', 'old-resolved', 'WARNING', 'm', 1, 1, 'RESOLVED', now() - interval '41 days', now() - interval '40 days', now() - interval '40 days'),
              ('pending_age', 'old-firing', 'WARNING', 'm', 1, 1, 'FIRING', now() - interval '41 days', NULL, now())`,
    );

    const purged = await t.app.get(RetentionRepository).purgeOlderThan(30);
    expect(purged.attempts).toBe(1);
    expect(purged.events).toBe(5);
    expect(purged.alerts).toBe(1);
    const alerts = await t.db.query<{ subject: string }>(
      `SELECT subject FROM monitoring_alerts WHERE subject IN ('old-resolved', 'old-firing')`,
    );
    expect(alerts.rows.map((row) => row.subject)).toEqual(['old-firing']);
    const left = await api.send<Array<{ execution_state: string }>>(
      'GET',
      `/api/v1/robots/${robot.robot_id}/executions`,
    );
    expect(left.body.map((a) => a.execution_state)).toEqual(['COMPLETED']);
    const events = await t.app.get(RobotReadsRepository).events(robot.robot_id);
    expect(events.map((e) => e.event_type)).toEqual(['robot.late']);
    expect((await api.getRobot(robot.robot_id)).body.status).toBe('COMPLETED');
  });

  it('purges audit entries past AUDIT_RETENTION_DAYS, once per tick', async () => {
    await t.db.query(
      `INSERT INTO security_audit (audit_id, operation, success, created_at)
       VALUES ('old-entry', 'auth.failed', false, now() - interval '91 days'),
              ('recent-entry', 'auth.failed', false, now() - interval '89 days')`,
    );
    const job = t.app.get(AuditRetentionJob);
    expect(await job.purge()).toBe(true);
    expect(await job.purge()).toBe(false);
    const left = await t.db.query<{ audit_id: string }>(
      `SELECT audit_id FROM security_audit WHERE audit_id IN ('old-entry', 'recent-entry')`,
    );
    expect(left.rows.map((row) => row.audit_id)).toEqual(['recent-entry']);
    const [run] = await t.app.get(JobRunsRepository).runs(AUDIT_RETENTION.name);
    expect(run.outcome).toEqual({ deleted: 1 });
  });

  it('fires the scheduled sweeps on their own', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const runs = t.app.get(JobRunsRepository);
    expect((await runs.runs('robots.lease-sweep')).length).toBeGreaterThanOrEqual(1);
    expect((await runs.runs('robots.assign-waiting')).length).toBeGreaterThanOrEqual(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { SchedulerRegistry } from '@nestjs/schedule';
import { BACKUP_JOB } from '../../src/backup/backup.job.js';
import { JobRunner } from '../../src/state/job-runner.service.js';
import { awaitBackup, type BackupBody, runRestore } from '../support/backups.js';
import { eventually } from '../support/eventually.js';
import { http, startApp, tempDir, type TestApp } from '../support/test-app.js';

const admin = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });

/** A fresh database beside the run's (its name says "test", as the global setup requires). */
async function createDatabase(suffix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${process.env.TEST_DATABASE_NAME}_${suffix}`;
  const client = admin();
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = admin();
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

describe('backups and restore (PostgreSQL)', () => {
  const dir = tempDir();
  const apps: TestApp[] = [];
  const env = {
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    REDIS_URL: process.env.TEST_REDIS_URL,
    CACHE_PREFIX: process.env.TEST_CACHE_PREFIX,
    BACKUP_DIR: dir.path,
  };

  beforeAll(async () => {
    // Two instances on one database, the backup scheduled every 4 s.
    for (let i = 0; i < 2; i++) apps.push(await startApp({ ...env, BACKUP_CRON: '*/4 * * * * *' }));
  }, 120_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    dir.remove();
  });

  it('runs each scheduled tick on one instance, one backup at a time', async () => {
    const runs = await eventually(
      async () =>
        (
          await apps[0].db.query<{ tick: Date; instance_id: string; outcome: Record<string, unknown> | null }>(
            `SELECT tick, instance_id, outcome FROM job_runs WHERE job_name = $1 AND finished_at IS NOT NULL ORDER BY tick`,
            [BACKUP_JOB],
          )
        ).rows,
      (rows) => rows.filter((row) => row.outcome?.status === 'SUCCEEDED').length >= 2,
      60_000,
    );
    const instances = new Set(apps.map((a) => a.app.get(JobRunner).instanceId));
    for (const run of runs) {
      expect(instances.has(run.instance_id)).toBe(true);
      // Each tick is a 4-second slot: the claimed time is the schedule's, not when a timer fired.
      expect(run.tick.getTime() % 4_000).toBe(0);
    }
    const scheduled = (
      await apps[0].db.query<{ backup_id: string; status: string; verified: boolean }>(
        `SELECT backup_id, status, verified FROM backup_log WHERE trigger = 'schedule'`,
      )
    ).rows;
    // Every scheduled backup belongs to exactly one tick's outcome; a tick that found one running skipped.
    const fromTicks = runs.map((run) => run.outcome?.backup_id).filter(Boolean);
    expect(new Set(fromTicks).size).toBe(fromTicks.length);
    for (const id of fromTicks) expect(scheduled.map((row) => row.backup_id)).toContain(id);
    for (const run of runs) expect(run.outcome?.backup_id ?? run.outcome?.skipped).toBeDefined();
    expect(scheduled.filter((row) => row.status === 'SUCCEEDED' && row.verified).length).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('restores a backup taken under load into an empty database: every robot acknowledged before it is there', async () => {
    // Stop the schedule so the manual backup below is the only one.
    for (const app of apps) app.app.get(SchedulerRegistry).getCronJob(BACKUP_JOB).stop();
    await eventually(
      async () => (await apps[0].db.query(`SELECT 1 FROM backup_log WHERE status = 'RUNNING'`)).rowCount,
      (n) => n === 0,
      60_000,
    );
    const acked: Array<{ id: string; at: number }> = [];
    let stop = false;
    const producers = Array.from({ length: 8 }, async (_, p) => {
      for (let i = 0; !stop; i++) {
        const target = apps[(p + i) % apps.length].url;
        const res = await http<{ robot_id: string }>(`${target}/api/v1/robots`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ robot_type: 'backup_load', input_data: { p, i } }),
        });
        if (res.status === 201) acked.push({ id: res.body.robot_id, at: Date.now() });
      }
    });
    await new Promise((r) => setTimeout(r, 1_500));
    const ackedBeforeRequest = acked.map((a) => a.id);
    const started = await http<BackupBody>(`${apps[1].url}/api/v1/backups`, { method: 'POST' });
    expect(started.status).toBe(202);
    const backup = await awaitBackup(apps[0].url, started.body.backup_id);
    stop = true;
    await Promise.all(producers);
    expect(backup).toMatchObject({ kind: 'pg_dump', status: 'SUCCEEDED', verified: true });
    expect(backup.verification).toMatchObject({ drill: 'passed' });
    expect(backup.verification!.listed_entries).toBeGreaterThan(50);
    const snapshotAt = Date.parse(backup.snapshot_at!);
    const ackedBeforeSnapshot = acked.filter((a) => a.at < snapshotAt).map((a) => a.id);
    expect(ackedBeforeRequest.length).toBeGreaterThan(20);
    // Writes went on while the backup ran: the snapshot holds some of them, not necessarily all.
    expect(acked.length).toBeGreaterThan(ackedBeforeSnapshot.length);

    const target = await createDatabase('restored');
    try {
      const file = join(dir.path, backup.file_name!);
      const restored = await runRestore([file], { DATABASE_URL: target.url });
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toContain('Row counts match the manifest');

      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ robot_id: string }>(
          `SELECT robot_id FROM robots WHERE robot_id = ANY($1::text[])`,
          [ackedBeforeSnapshot],
        );
        expect(rows.length).toBe(ackedBeforeSnapshot.length);
        const found = new Set(rows.map((r) => r.robot_id));
        expect(ackedBeforeRequest.filter((id) => !found.has(id))).toEqual([]);
      } finally {
        await client.end();
      }
      // A second restore into the now full database is refused, not merged.
      const again = await runRestore([file], { DATABASE_URL: target.url });
      expect(again.code).toBe(3);
      expect(again.stderr).toMatch(/is not empty/);
    } finally {
      await target.drop();
    }
  }, 180_000);

  it('answers 503 when pg_dump is missing, leaving nothing running', async () => {
    const app = await startApp({ ...env, BACKUP_CRON: 'off', BACKUP_PG_BIN_DIR: '/nonexistent/bin' });
    try {
      const refused = await http<{ code: string; detail: string }>(`${app.url}/api/v1/backups`, { method: 'POST' });
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('BACKUP_UNAVAILABLE');
      expect(refused.body.detail).toMatch(/pg_dump not found/);
      expect((await app.db.query(`SELECT 1 FROM backup_log WHERE status = 'RUNNING'`)).rowCount).toBe(0);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('refuses a restore without a target, and says which database cannot be reached', async () => {
    const { rows } = await apps[0].db.query<{ file_name: string }>(
      `SELECT file_name FROM backup_log WHERE status = 'SUCCEEDED' AND file_deleted_at IS NULL LIMIT 1`,
    );
    const file = join(dir.path, rows[0].file_name);
    const noTarget = await runRestore([file]);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toMatch(/set DATABASE_URL/);
    const unreachable = await runRestore([file], {
      DATABASE_URL: `postgres://postgres:s3cret-pw@127.0.0.1:1/bf_${randomUUID().slice(0, 8)}_test`,
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/cannot connect to database bf_\w+_test/);
    expect(unreachable.stderr + unreachable.stdout).not.toContain('s3cret-pw');
  }, 60_000);
});

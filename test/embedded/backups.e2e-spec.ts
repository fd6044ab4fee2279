import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackupService } from '../../src/backup/backup.service.js';
import { AlertEvaluator } from '../../src/monitoring/alerts/alert-evaluator.service.js';
import { Scope } from '../../src/security/scopes.js';
import { issueKey } from '../factories/api-key.factory.js';
import { eventually } from '../support/eventually.js';
import { awaitBackup, type BackupBody, runBackup, runRestore } from '../support/backups.js';
import { http, startApp, tempDir, useTestApp } from '../support/test-app.js';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backups (PGlite)', () => {
  const data = tempDir();
  // Alert evaluations are driven by the test, never by the timer.
  const t = useTestApp({ DATA_DIR: data.path, ALERTS_ENABLED: 'false' });
  const backupDir = join(data.path, 'backups');
  let first: BackupBody;
  afterAll(() => data.remove());

  it('writes a verified archive of the data folder, with its checksum and manifest', async () => {
    const robot = await http(`${t.url}/api/v1/robots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ robot_type: 'backup_probe', input_data: { n: 1 } }),
    });
    expect(robot.status).toBe(201);

    first = await runBackup(t.url);
    expect(first).toMatchObject({ kind: 'pglite_datadir', trigger: 'manual', status: 'SUCCEEDED', verified: true });
    expect(first.verification).toMatchObject({ drill: 'passed' });
    expect(first.verification!.tables_compared).toBeGreaterThan(20);
    const file = join(backupDir, first.file_name!);
    expect(first.file_name).toMatch(/^botfleet-pglite-\d{8}T\d{6}Z-[0-9a-f]{8}\.tar\.gz$/);
    expect(sha256(file)).toBe(first.checksum_sha256);
    expect(statSync(file).size).toBe(first.size_bytes);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const manifest = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ backup_id: first.backup_id, checksum_sha256: first.checksum_sha256 });
    expect((manifest.counts as Record<string, number>).robots).toBe(1);
    expect(existsSync(`${file}.partial`)).toBe(false);
  }, 120_000);

  it('restores the archive into a new DATA_DIR, checked against the manifest, and the service starts on it', async () => {
    const target = tempDir();
    try {
      const file = join(backupDir, first.file_name!);
      const restored = await runRestore([file, '--data-dir', target.path]);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toContain('Checksum OK');
      expect(restored.stdout).toContain('Row counts match the manifest');

      const again = await runRestore([file, '--data-dir', target.path]);
      expect(again.code).toBe(3);
      expect(again.stderr).toMatch(/already holds a database/);

      const app = await startApp({ DATA_DIR: target.path });
      try {
        const robots = await http<{ items: Array<{ robot_type: string }> }>(
          `${app.url}/api/v1/robots?robot_type=backup_probe`,
        );
        expect(robots.status).toBe(200);
        expect(robots.body.items.map((r) => r.robot_type)).toEqual(['backup_probe']);
        // The restored backup's own row, RUNNING when the archive was taken, is settled from the manifest.
        const listed = await http<{ items: BackupBody[] }>(`${app.url}/api/v1/backups`);
        expect(listed.body.items).toEqual([
          expect.objectContaining({ backup_id: first.backup_id, status: 'SUCCEEDED', file_name: first.file_name }),
        ]);
      } finally {
        await app.close();
      }
    } finally {
      target.remove();
    }
  }, 180_000);

  it('refuses a damaged file, a file that is no backup, and a bad command line', async () => {
    const work = tempDir();
    try {
      const damaged = join(work.path, first.file_name!);
      copyFileSync(join(backupDir, first.file_name!), damaged);
      copyFileSync(join(backupDir, `${first.file_name!}.json`), `${damaged}.json`);
      const bytes = readFileSync(damaged);
      bytes[bytes.length >> 1] ^= 0xff;
      writeFileSync(damaged, bytes);
      const refused = await runRestore([damaged, '--data-dir', join(work.path, 'target')]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/the file is damaged/);
      expect(existsSync(join(work.path, 'target', 'pglite'))).toBe(false);

      writeFileSync(join(work.path, 'notes.txt'), 'not a backup');
      const foreign = await runRestore([join(work.path, 'notes.txt'), '--data-dir', join(work.path, 'target')]);
      expect(foreign.code).toBe(1);
      expect(foreign.stderr).toMatch(/neither a pg_dump archive nor a PGlite/);

      expect((await runRestore([])).code).toBe(2);
      expect((await runRestore([damaged, '--jobs', 'many'])).code).toBe(2);
    } finally {
      work.remove();
    }
  }, 60_000);

  it('runs one backup at a time (409), lists newest first with a cursor', async () => {
    const a = await http<BackupBody>(`${t.url}/api/v1/backups`, { method: 'POST' });
    const b = await http<{ code: string; running_backup_id: string }>(`${t.url}/api/v1/backups`, { method: 'POST' });
    expect(a.status).toBe(202);
    expect(b.status).toBe(409);
    expect(b.body).toMatchObject({ code: 'BACKUP_RUNNING', running_backup_id: a.body.backup_id });
    await awaitBackup(t.url, a.body.backup_id);

    const page1 = await http<{ items: BackupBody[]; next_cursor: string }>(`${t.url}/api/v1/backups?limit=1`);
    expect(page1.body.items.map((x) => x.backup_id)).toEqual([a.body.backup_id]);
    const page2 = await http<{ items: BackupBody[]; next_cursor: string | null }>(
      `${t.url}/api/v1/backups?limit=1&cursor=${page1.body.next_cursor}`,
    );
    expect(page2.body.items.map((x) => x.backup_id)).toEqual([first.backup_id]);
    expect(page2.body.next_cursor).toBeNull();
  }, 120_000);

  it('answers 400, 404 and 403 with problem details', async () => {
    expect((await http(`${t.url}/api/v1/backups/not-a-uuid`)).status).toBe(400);
    const missing = await http<{ code: string }>(`${t.url}/api/v1/backups/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('BACKUP_NOT_FOUND');
    expect((await http(`${t.url}/api/v1/backups?cursor=forged`)).status).toBe(400);
    const { key } = await issueKey(t, [Scope.RobotsRead, Scope.MonitoringRead]);
    expect((await http(`${t.url}/api/v1/backups`, { method: 'POST', key })).status).toBe(403);
    expect((await http(`${t.url}/api/v1/backups`, { key })).status).toBe(403);
    expect((await http(`${t.url}/api/v1/backups`, { key: null })).status).toBe(401);
  });

  it('deletes files past BACKUP_RETENTION_DAYS, never the newest verified backup', async () => {
    const before = (await http<{ items: BackupBody[] }>(`${t.url}/api/v1/backups`)).body.items;
    expect(before.length).toBeGreaterThanOrEqual(2);
    await t.db.query(`UPDATE backup_log SET started_at = started_at - interval '40 days'`);
    const fresh = await runBackup(t.url);
    expect(fresh.status).toBe('SUCCEEDED');
    // Retention runs once the new backup is recorded.
    const listed = await eventually(
      async () => (await http<{ items: BackupBody[] }>(`${t.url}/api/v1/backups`)).body.items,
      (items) => items.filter((row) => row.file_deleted_at !== null).length >= before.length,
    );
    for (const old of before) {
      expect(listed.find((row) => row.backup_id === old.backup_id)?.file_deleted_at).not.toBeNull();
      expect(existsSync(join(backupDir, old.file_name!))).toBe(false);
      expect(existsSync(join(backupDir, `${old.file_name!}.json`))).toBe(false);
    }
    expect(existsSync(join(backupDir, fresh.file_name!))).toBe(true);

    // Backups stopped working for 40 days: the last good one stays.
    await t.db.query(`UPDATE backup_log SET started_at = started_at - interval '40 days' WHERE backup_id = $1`, [
      fresh.backup_id,
    ]);
    expect(await t.app.get(BackupService).applyRetention()).toBe(0);
    expect(existsSync(join(backupDir, fresh.file_name!))).toBe(true);
  }, 120_000);

  it('takes back a backup whose instance died (no heartbeat) instead of refusing forever', async () => {
    const ghost = randomUUID();
    await t.db.query(
      `INSERT INTO backup_log (backup_id, kind, trigger, instance_id, heartbeat_at)
       VALUES ($1, 'pglite_datadir', 'schedule', 'gone:1:dead', now() - interval '5 minutes')`,
      [ghost],
    );
    const next = await runBackup(t.url);
    expect(next.status).toBe('SUCCEEDED');
    const taken = await http<BackupBody>(`${t.url}/api/v1/backups/${ghost}`);
    expect(taken.body).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/abandoned/) });
  }, 120_000);

  it('fires backup_failing when the last backup failed, and resolves it when the next one is verified', async () => {
    const evaluator = t.app.get(AlertEvaluator);
    const changes = async () =>
      (await evaluator.evaluateFleet()).filter((c) => c.rule === 'backup_failing').map((c) => c.event_type);
    expect(await changes()).toEqual([]);
    await t.db.query(
      `INSERT INTO backup_log (backup_id, kind, trigger, instance_id, status, finished_at, error)
       VALUES ($1, 'pglite_datadir', 'schedule', 'x:1:y', 'FAILED', now(), 'disk full')`,
      [randomUUID()],
    );
    expect(await changes()).toEqual(['alert.fired']);
    const firing = await http<{ items: Array<{ rule: string; severity: string; message: string }> }>(
      `${t.url}/api/v1/monitoring/alerts?state=firing`,
    );
    expect(firing.body.items.filter((a) => a.rule === 'backup_failing')).toEqual([
      expect.objectContaining({ severity: 'CRITICAL', message: 'the last backup failed: disk full' }),
    ]);
    expect((await runBackup(t.url)).status).toBe('SUCCEEDED');
    expect(await changes()).toEqual(['alert.resolved']);
  }, 120_000);
});

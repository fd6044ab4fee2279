import { MIGRATION_NAMES } from '../support/migrations.js';
import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from '../support/eventually.js';
import { spawnService } from '../support/service-process.js';
import { http, startApp, tempDir } from '../support/test-app.js';

/**
 * Ready (200) within a few seconds: right after boot, on a machine running other suites, a probe
 * may still be catching up; a service that never gets there fails with its last answer.
 */
async function expectReady(url: string): Promise<void> {
  const last = await eventually(
    () => http(`${url}/health/ready`),
    (res) => res.status === 200,
    10_000,
  );
  expect({ status: last.status, body: last.status === 200 ? 'ok' : last.body }).toEqual({ status: 200, body: 'ok' });
}

/** A failed start: exit 1, one line on stderr, and no Nest console output (no colour codes) on stdout. */
function expectOneLineFailure(result: { code: number | null; stderr: string; stdout: string }, reason: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(reason)]);
  // eslint-disable-next-line no-control-regex -- the escape that starts a colour code
  expect(result.stdout).not.toMatch(/\u001b\[/);
  // JSON log lines, and the plain banner of a generated admin key when a first boot got that far.
  const entries = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string });
  expect(entries.at(-1)).toMatchObject({ level: 60, msg: expect.stringMatching(/^botfleet cannot start: /) });
}

/** The built service as an operator runs it: `node dist/src/main.js`. */
describe('service process', () => {
  const dirs: Array<{ remove(): void }> = [];
  const folder = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir.path;
  };
  afterAll(() => dirs.forEach((dir) => dir.remove()));

  it.each([
    ['PORT', 'not-a-port', /PORT: .*integer/],
    ['DATABASE_URL', 'mysql://root:hunter2@db/x', /DATABASE_URL: .*postgres:\/\//],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: /],
    ['DB_READ_POOL_MIN', '20', /DB_READ_POOL_MIN: must not be greater than DB_READ_POOL_MAX/],
  ])('refuses to start when %s=%s, naming the variable', async (name, value, message) => {
    const service = spawnService({ DATA_DIR: folder(), [name]: value });
    const { code, stderr } = await service.exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/^botfleet cannot start\. Invalid configuration:/);
    expect(stderr).toMatch(message);
    // A secret inside a bad value is not echoed back.
    expect(stderr).not.toContain('hunter2');
  });

  it('refuses a second process on a data folder in use, and leaves the first one serving', async () => {
    const dataDir = folder();
    const first = await startApp({ DATA_DIR: dataDir });
    try {
      const second = spawnService({ DATA_DIR: dataDir });
      const { code, stderr } = await second.exited;
      expect(code).toBe(1);
      expect(stderr).toMatch(/data folder .* is already in use by process \d+/);
      await expectReady(first.url);
    } finally {
      await first.close();
    }
  });

  it('says in one line that the port is in use, and exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
    const { port } = taken.address() as { port: number };
    try {
      const result = await spawnService({ DATA_DIR: folder(), PORT: String(port) }).exited;
      expectOneLineFailure(
        result,
        new RegExp(`^botfleet cannot start\\. Port ${port} on 127\\.0\\.0\\.1 is already in use: .*set PORT`),
      );
    } finally {
      taken.close();
    }
  });

  it('says in one line that the database does not exist, without the password, and exits 1', async () => {
    // The machine's PostgreSQL (TESTING.md), asked for a database nobody created.
    const server = new URL(process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    const name = `bf_test_missing_${randomBytes(4).toString('hex')}`;
    const url = `postgres://${server.username}:hunter2@${server.host}/${name}`;
    const result = await spawnService({ DATABASE_URL: url }).exited;
    expectOneLineFailure(result, new RegExp(`^botfleet cannot start\\. The database "${name}" does not exist`));
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });

  it('drains and exits cleanly on SIGTERM, releasing the data folder', async () => {
    const dataDir = folder();
    const service = spawnService({ DATA_DIR: dataDir });
    const url = await service.ready;
    await expectReady(url);
    expect(existsSync(join(dataDir, 'botfleet.lock'))).toBe(true);
    service.child.kill('SIGTERM');
    const { signal, stdout } = await service.exited;
    // Nest closes the app, then re-raises the signal so the exit status says why it stopped.
    expect(signal).toBe('SIGTERM');
    expect(stdout).toContain('Embedded PostgreSQL stopped');
    expect(existsSync(join(dataDir, 'botfleet.lock'))).toBe(false);
  });

  it('recovers after kill -9: the stale lock is taken over and the data is intact', async () => {
    const dataDir = folder();
    const service = spawnService({ DATA_DIR: dataDir });
    const url = await service.ready;
    await expectReady(url);
    service.child.kill('SIGKILL');
    await service.exited;
    expect(existsSync(join(dataDir, 'botfleet.lock'))).toBe(true);

    const again = await startApp({ DATA_DIR: dataDir });
    try {
      const { rows } = await again.db.query<{ name: string }>('SELECT name FROM typeorm_migrations');
      expect(rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
      await expectReady(again.url);
    } finally {
      await again.close();
    }
  });
});

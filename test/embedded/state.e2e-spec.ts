import { MIGRATION_NAMES } from '../support/migrations.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CacheService } from '../../src/cache/cache.service.js';
import { DataDirLockedError } from '../../src/state/embedded/data-dir-lock.js';
import {
  createsRobotsAtomically,
  isolatesConcurrentTransactions,
  registersAndRoutesModules,
  repositories,
} from '../support/state-scenarios.js';
import { startApp, tempDir, type TestApp } from '../support/test-app.js';
import { moduleRecord } from '../factories/module.factory.js';

describe('data layer on embedded PGlite', () => {
  const dir = tempDir();
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ DATA_DIR: dir.path });
  });
  afterAll(async () => {
    await t?.close();
    dir.remove();
  });

  it('registers, updates, deactivates and routes modules', () => registersAndRoutesModules(t));
  it('creates a robot and its event in one transaction, its attempt at claim', () => createsRobotsAtomically(t));
  it('keeps concurrent transactions apart through the socket server', () => isolatesConcurrentTransactions(t));

  it('refuses a second app on the same data folder in this process', async () => {
    await expect(startApp({ DATA_DIR: dir.path })).rejects.toThrow(DataDirLockedError);
    // The running app is unaffected.
    expect((await t.db.query('SELECT 1 AS one')).rows[0].one).toBe(1);
  });

  it('keeps its data across a restart, then releases the folder', async () => {
    const mod = moduleRecord();
    await repositories(t).modules.register(mod);
    await t.close();

    t = await startApp({ DATA_DIR: dir.path });
    expect((await repositories(t).modules.findByName(mod.moduleName))?.moduleId).toBe(mod.moduleId);
    const { rows } = await t.db.query<{ count: string }>('SELECT count(*) FROM typeorm_migrations');
    expect(Number(rows[0].count)).toBe(MIGRATION_NAMES.length);
  });

  it('serves cache-aside from the bounded memory store', async () => {
    const cache = t.app.get(CacheService);
    let loads = 0;
    const loader = async () => ({ n: ++loads, at: new Date(0).toISOString() });
    expect(await cache.getOrLoad('robot_status:R1', loader)).toEqual({ n: 1, at: '1970-01-01T00:00:00.000Z' });
    expect(await cache.getOrLoad('robot_status:R1', loader)).toEqual({ n: 1, at: '1970-01-01T00:00:00.000Z' });
    expect(loads).toBe(1);
    expect(cache.stats()).toMatchObject({ backend: 'memory', hits: 1 });
  });
});

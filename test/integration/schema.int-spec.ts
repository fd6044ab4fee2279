import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { validateEnvironment } from '../../src/core/config/environment.js';
import { createDataSource } from '../../src/state/data-source.js';
import { revertLastMigration, runMigrations } from '../../src/state/migration-runner.js';
import { MIGRATION_NAMES } from '../support/migrations.js';
import { expectCoreSchema } from '../support/schema-assertions.js';

/** Migrations on the machine's real PostgreSQL (15 on CI), in an empty database of their own. */
describe('migrations on PostgreSQL', () => {
  const name = `${process.env.TEST_DATABASE_NAME}_schema`;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const settings = validateEnvironment({ DATABASE_URL: url.toString(), DB_WRITE_POOL_MIN: '0' });
  const server = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  let admin: pg.Client;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    await server.connect();
    await server.query(`CREATE DATABASE ${name}`);
    admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
    await admin?.end();
    await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.end();
  });

  const dataSource = async () => {
    const source = await createDataSource(settings, 'write').initialize();
    sources.push(source);
    return source;
  };

  it('runs on PostgreSQL 15 or newer', async () => {
    const { rows } = await admin.query<{ server_version_num: string }>('SHOW server_version_num');
    expect(Number(rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
  });

  it('applies once when three instances migrate at the same moment', async () => {
    const racers = await Promise.all([dataSource(), dataSource(), dataSource()]);
    const applied = await Promise.all(racers.map((source) => runMigrations(source)));
    expect(applied.map((list) => list.length).sort()).toEqual([0, 0, MIGRATION_NAMES.length]);
  });

  it('creates the data model column for column, with every enum, key and index', async () => {
    await expectCoreSchema(admin);
  });

  it('reverts to nothing and applies again', async () => {
    const source = await dataSource();
    for (let i = 0; i < MIGRATION_NAMES.length; i++) await revertLastMigration(source);
    const { rows } = await admin.query(
      `SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'robots'`,
    );
    expect(rows).toHaveLength(0);
    const { rows: types } = await admin.query(`SELECT 1 FROM pg_type WHERE typname = 'robot_status_enum'`);
    expect(types).toHaveLength(0);
    expect(await runMigrations(source)).toHaveLength(MIGRATION_NAMES.length);
    await expectCoreSchema(admin);
  });
});

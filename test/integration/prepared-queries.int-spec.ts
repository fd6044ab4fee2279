import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type DataSource, QueryFailedError } from 'typeorm';
import { validateEnvironment } from '../../src/core/config/environment.js';
import { createDataSource, poolOf } from '../../src/state/data-source.js';
import { PreparedQueries } from '../../src/state/prepared-queries.js';

/** Named prepared statements on the real PostgreSQL, in a schema of their own. */
describe('PreparedQueries on PostgreSQL', () => {
  const schema = `prepared_${process.pid}`;
  let source: DataSource;
  let prepared: PreparedQueries;

  beforeAll(async () => {
    const settings = validateEnvironment({
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      DB_WRITE_POOL_MIN: '0',
      DB_WRITE_POOL_MAX: '1',
    });
    source = await createDataSource(settings, 'write').initialize();
    prepared = new PreparedQueries(source, true);
    await source.query(`CREATE SCHEMA ${schema}`);
    await source.query(`CREATE TABLE ${schema}.item (id int PRIMARY KEY, label text)`);
    await source.query(`INSERT INTO ${schema}.item VALUES (1, 'one'), (2, 'two')`);
  });
  afterAll(async () => {
    await source?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await source?.destroy();
  });

  const select = (id: number) =>
    prepared.query<Record<string, unknown>>('item_by_id', `SELECT * FROM ${schema}.item WHERE id = $1`, [id]);

  it('prepares a statement once per connection and runs it by name after', async () => {
    expect(await select(1)).toEqual([{ id: 1, label: 'one' }]);
    expect(await select(2)).toEqual([{ id: 2, label: 'two' }]);
    const { rows } = await poolOf(source).query<{ name: string }>('SELECT name FROM pg_prepared_statements');
    expect(rows.map((row) => row.name)).toContain('item_by_id_0');
  });

  it('prepares again under a new name when a migration changed the table under the statement', async () => {
    await select(1);
    await source.query(`ALTER TABLE ${schema}.item ADD COLUMN weight int DEFAULT 7`);
    expect(await select(1)).toEqual([{ id: 1, label: 'one', weight: 7 }]);
    const { rows } = await poolOf(source).query<{ name: string }>('SELECT name FROM pg_prepared_statements');
    expect(rows.map((row) => row.name)).toContain('item_by_id_1');
  });

  it("fails as TypeORM's QueryFailedError, with the driver's SQLSTATE", async () => {
    const failure = prepared.query('item_insert', `INSERT INTO ${schema}.item (id, label) VALUES ($1, $2)`, [1, 'dup']);
    await expect(failure).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failure).rejects.toMatchObject({ driverError: { code: '23505' } });
  });
});

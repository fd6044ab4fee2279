import { MIGRATION_NAMES } from '../support/migrations.js';
import { describe, expect, it } from '@jest/globals';
import { expectCoreSchema } from '../support/schema-assertions.js';
import { http, useTestApp } from '../support/test-app.js';

describe('core schema on embedded PGlite', () => {
  const t = useTestApp();

  it('runs on PGlite, not a server', async () => {
    const { rows } = await t.db.query<{ version: string }>('SELECT version()');
    expect(rows[0].version).toMatch(/PostgreSQL/);
    const health = await http<{ details: { database: { engine: string } } }>(`${t.url}/health/ready`);
    expect(health.body.details.database.engine).toBe('pglite');
  });

  it('matches the data model column for column, with every enum, key and index', async () => {
    await expectCoreSchema(t.db);
  });

  it('records the migration it applied', async () => {
    const { rows } = await t.db.query<{ name: string }>('SELECT name FROM typeorm_migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
  });
});

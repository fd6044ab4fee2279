import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The module breaker decides from counters instead of scanning robot_execute: each instance adds
 * its attempts' outcomes per module into 5-second buckets (one row per module, bucket and
 * instance, so instances never write the same row), and the breaker sums the buckets of its
 * window. `breaker_counted_from` starts the window afresh when a probe closes the breaker, so the
 * failures that opened it do not reopen it.
 */
export class ModuleBreakerCounts1764547200000 implements MigrationInterface {
  name = 'ModuleBreakerCounts1764547200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE module_breaker_counts (
        module_name VARCHAR(100) NOT NULL REFERENCES module_registry (module_name) ON DELETE CASCADE,
        bucket_start TIMESTAMP NOT NULL,
        instance_id VARCHAR(100) NOT NULL,
        succeeded INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (module_name, bucket_start, instance_id)
      )`);
    await db.query(`ALTER TABLE module_registry ADD COLUMN breaker_counted_from TIMESTAMP`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE module_registry DROP COLUMN breaker_counted_from`);
    await db.query(`DROP TABLE module_breaker_counts`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per background job tick. With several instances every one of them fires each cron tick;
 * the instance whose INSERT wins runs it, the others skip. A lock alone would let a second instance
 * run the same tick again once the first released it.
 */
export class JobRuns1764028800000 implements MigrationInterface {
  name = 'JobRuns1764028800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE job_runs (
        job_name VARCHAR(100) NOT NULL,
        tick TIMESTAMP NOT NULL,
        instance_id VARCHAR(100) NOT NULL,
        started_at TIMESTAMP NOT NULL DEFAULT NOW(),
        finished_at TIMESTAMP,
        outcome JSONB,
        PRIMARY KEY (job_name, tick)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE job_runs`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A queue that does not rot (bench:history). With millions of finished robots, the dashboard's
 * last hour, the forecast's arrivals and durations, and the SLA check read recent rows by time:
 * without these indexes each of them read the whole history (a forecast took 132 ms at 100,000
 * robots of history, and grew with it). Each index is on a time that only grows, so inserts append
 * to its right edge.
 *
 * Autovacuum on the hot tables: the default scale factor (20 % of the table dead before a vacuum)
 * waits for 2,000,000 dead rows at 10,000,000 robots, and the claim and status reads slow down
 * on the dead rows meanwhile. 1 % (plus 10,000 rows) vacuums them as they come; `events` is
 * append-only and deleted by retention, so it is analysed rather than vacuumed often.
 */
export class HistoryScale1765324800000 implements MigrationInterface {
  name = 'HistoryScale1765324800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX idx_robots_created ON robots (created_at)`);
    await db.query(`CREATE INDEX idx_robots_completed ON robots (completed_at) WHERE completed_at IS NOT NULL`);
    await db.query(
      `CREATE INDEX idx_execute_completed ON robot_execute (completed_at) WHERE execution_state = 'COMPLETED'`,
    );
    for (const table of ['robots', 'robot_execute', 'job_runs', 'notification_deliveries']) {
      await db.query(
        `ALTER TABLE ${table} SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 10000,
                                   autovacuum_analyze_scale_factor = 0.02)`,
      );
    }
    await db.query(`ALTER TABLE events SET (autovacuum_analyze_scale_factor = 0.02)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events RESET (autovacuum_analyze_scale_factor)`);
    for (const table of ['robots', 'robot_execute', 'job_runs', 'notification_deliveries']) {
      await db.query(
        `ALTER TABLE ${table} RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor)`,
      );
    }
    await db.query(`DROP INDEX idx_execute_completed`);
    await db.query(`DROP INDEX idx_robots_completed`);
    await db.query(`DROP INDEX idx_robots_created`);
  }
}

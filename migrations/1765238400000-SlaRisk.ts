import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA risk: when a robot was found likely to miss its deadline (`robot.sla_at_risk` is written
 * once, in the statement that sets it), and the open robots with deadlines, which the check reads
 * every half minute, indexed apart from the finished history.
 */
export class SlaRisk1765238400000 implements MigrationInterface {
  name = 'SlaRisk1765238400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE robots ADD COLUMN sla_at_risk_at TIMESTAMP`);
    await db.query(
      `CREATE INDEX idx_robots_open_deadlines ON robots (deadline_at)
        WHERE deadline_at IS NOT NULL AND status IN ('PENDING', 'RETRYING', 'PROCESSING')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idx_robots_open_deadlines`);
    await db.query(`ALTER TABLE robots DROP COLUMN sla_at_risk_at`);
  }
}

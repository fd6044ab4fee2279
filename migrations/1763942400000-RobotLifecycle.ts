import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the robot lifecycle needs beyond the seeds' columns (DESIGN.md: added by migration, never
 * by giving a column another meaning):
 * - robots.module_name may be NULL: a robot whose type no module handles waits PENDING, unassigned.
 * - robots.routing_decision: the explained decision (candidates and score parts) it was routed by.
 * - robots.next_attempt_at: when a PENDING or RETRYING robot may be claimed (retry backoff).
 * - robots.timeout_seconds / deadline_at: the per-attempt timeout and an optional business deadline.
 * - robot_execute.lease_token / lease_expires_at: the claim's fencing token and lease deadline.
 * - robot_seq: the `{seq}` of robot ids, unique across instances.
 * - robot_events: the outbox, written in the same transaction as each state change.
 */
export class RobotLifecycle1763942400000 implements MigrationInterface {
  name = 'RobotLifecycle1763942400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE robots ALTER COLUMN module_name DROP NOT NULL`);
    await db.query(`
      ALTER TABLE robots
        ADD COLUMN routing_decision JSONB,
        ADD COLUMN next_attempt_at TIMESTAMP NOT NULL DEFAULT NOW(),
        ADD COLUMN timeout_seconds INTEGER NOT NULL DEFAULT 1800
          CONSTRAINT robots_timeout_seconds_positive CHECK (timeout_seconds > 0),
        ADD COLUMN deadline_at TIMESTAMP`);
    await db.query(`
      ALTER TABLE robot_execute
        ADD COLUMN lease_token UUID,
        ADD COLUMN lease_expires_at TIMESTAMP`);
    await db.query(`CREATE SEQUENCE robot_seq AS BIGINT`);
    // The claim query: a module's claimable robots, highest priority first, then oldest.
    await db.query(`
      CREATE INDEX idx_robots_claimable ON robots (module_name, priority DESC, created_at)
      WHERE status IN ('PENDING', 'RETRYING')`);
    // Robots waiting for a module to appear for their type.
    await db.query(`
      CREATE INDEX idx_robots_unassigned ON robots (robot_type, created_at)
      WHERE module_name IS NULL AND status = 'PENDING'`);
    // The timeout sweep: running attempts by lease deadline.
    await db.query(`
      CREATE INDEX idx_execute_lease_expiry ON robot_execute (lease_expires_at)
      WHERE execution_state = 'RUNNING'`);
    await db.query(`
      CREATE TABLE robot_events (
        event_id BIGSERIAL PRIMARY KEY,
        event_type VARCHAR(50) NOT NULL,
        robot_id VARCHAR(50),
        module_name VARCHAR(100),
        payload JSONB NOT NULL DEFAULT '{}',
        created_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    await db.query(`CREATE INDEX idx_robot_events_robot ON robot_events (robot_id, event_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE robot_events`);
    await db.query(`DROP INDEX idx_execute_lease_expiry`);
    await db.query(`DROP INDEX idx_robots_unassigned`);
    await db.query(`DROP INDEX idx_robots_claimable`);
    await db.query(`DROP SEQUENCE robot_seq`);
    await db.query(`ALTER TABLE robot_execute DROP COLUMN lease_token, DROP COLUMN lease_expires_at`);
    await db.query(`
      ALTER TABLE robots DROP COLUMN routing_decision, DROP COLUMN next_attempt_at,
        DROP COLUMN timeout_seconds, DROP COLUMN deadline_at`);
    // Unassigned robots cannot satisfy NOT NULL again: they are removed with the feature.
    await db.query(`DELETE FROM robots WHERE module_name IS NULL`);
    await db.query(`ALTER TABLE robots ALTER COLUMN module_name SET NOT NULL`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a robot was cancelled, readable on the robot: until now the reason lived only in its
 * `robot.cancelled` event. 500 characters, as the cancel request allows; cleared by a retry.
 */
export class RobotCancelReason1764633600000 implements MigrationInterface {
  name = 'RobotCancelReason1764633600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE robots ADD COLUMN cancel_reason VARCHAR(500)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE robots DROP COLUMN cancel_reason`);
  }
}

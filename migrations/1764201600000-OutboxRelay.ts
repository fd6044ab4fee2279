import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gap-free publishing of the robot_events outbox. event_id order is not commit order: a transaction
 * that took id 100 may commit after one that took 101. Each event therefore records the id of the
 * transaction that wrote it, and the relay only reads events of transactions older than every
 * transaction still running (pg_snapshot_xmin), in (tx_id, event_id) order: nothing can appear
 * behind its cursor later. The cursor row also holds a lease, so one instance relays at a time.
 */
export class OutboxRelay1764201600000 implements MigrationInterface {
  name = 'OutboxRelay1764201600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE robot_events ADD COLUMN tx_id XID8 NOT NULL DEFAULT pg_current_xact_id()`);
    await db.query(`CREATE INDEX idx_robot_events_relay ON robot_events (tx_id, event_id)`);
    await db.query(`
      CREATE TABLE outbox_cursors (
        consumer VARCHAR(100) PRIMARY KEY,
        last_tx_id XID8 NOT NULL DEFAULT '0',
        last_event_id BIGINT NOT NULL DEFAULT 0,
        owner VARCHAR(100),
        lease_until TIMESTAMP,
        updated_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    // Events written before this migration are history, not news.
    await db.query(`
      INSERT INTO outbox_cursors (consumer, last_tx_id, last_event_id)
      SELECT 'in-process', COALESCE(max(tx_id), '0'), COALESCE(max(event_id), 0) FROM robot_events`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_cursors`);
    await db.query(`DROP INDEX idx_robot_events_relay`);
    await db.query(`ALTER TABLE robot_events DROP COLUMN tx_id`);
  }
}

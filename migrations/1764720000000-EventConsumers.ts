import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable, named event consumers. The outbox is renamed to what it holds (`events`: robot,
 * module and alert events) and each event keeps the catalogue version it was written with. The
 * relay's single cursor row becomes one row per consumer, which also records the failures of the
 * event after its cursor (redelivered with backoff), and an event a consumer keeps failing is
 * parked in `parked_events` with its error until an operator replays it.
 */
export class EventConsumers1764720000000 implements MigrationInterface {
  name = 'EventConsumers1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE robot_events RENAME TO events`);
    await db.query(`ALTER SEQUENCE robot_events_event_id_seq RENAME TO events_event_id_seq`);
    await db.query(`ALTER INDEX robot_events_pkey RENAME TO events_pkey`);
    await db.query(`ALTER INDEX idx_robot_events_robot RENAME TO idx_events_robot`);
    await db.query(`ALTER INDEX idx_robot_events_relay RENAME TO idx_events_relay`);
    await db.query(`ALTER TABLE events ADD COLUMN event_version SMALLINT NOT NULL DEFAULT 1`);

    await db.query(`ALTER TABLE outbox_cursors RENAME TO event_consumers`);
    await db.query(`ALTER INDEX outbox_cursors_pkey RENAME TO event_consumers_pkey`);
    await db.query(`
      ALTER TABLE event_consumers
        ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0,
        ADD COLUMN retry_at TIMESTAMP,
        ADD COLUMN last_error TEXT,
        ADD COLUMN created_at TIMESTAMP NOT NULL DEFAULT NOW()`);
    await db.query(`
      CREATE TABLE parked_events (
        consumer VARCHAR(100) NOT NULL REFERENCES event_consumers (consumer) ON DELETE CASCADE,
        event_id BIGINT NOT NULL,
        attempts INTEGER NOT NULL,
        last_error TEXT NOT NULL,
        parked_at TIMESTAMP NOT NULL DEFAULT NOW(),
        replay_requested_at TIMESTAMP,
        PRIMARY KEY (consumer, event_id)
      )`);
    await db.query(
      `CREATE INDEX idx_parked_events_replay ON parked_events (consumer) WHERE replay_requested_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE parked_events`);
    await db.query(`
      ALTER TABLE event_consumers DROP COLUMN failed_attempts, DROP COLUMN retry_at, DROP COLUMN last_error,
        DROP COLUMN created_at`);
    await db.query(`ALTER INDEX event_consumers_pkey RENAME TO outbox_cursors_pkey`);
    await db.query(`ALTER TABLE event_consumers RENAME TO outbox_cursors`);
    await db.query(`ALTER TABLE events DROP COLUMN event_version`);
    await db.query(`ALTER INDEX idx_events_relay RENAME TO idx_robot_events_relay`);
    await db.query(`ALTER INDEX idx_events_robot RENAME TO idx_robot_events_robot`);
    await db.query(`ALTER INDEX events_pkey RENAME TO robot_events_pkey`);
    await db.query(`ALTER SEQUENCE events_event_id_seq RENAME TO robot_events_event_id_seq`);
    await db.query(`ALTER TABLE events RENAME TO robot_events`);
  }
}

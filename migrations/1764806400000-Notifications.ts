import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Notification layer. A subscription turns matching events into deliveries: one row per
 * (event, subscription), so a redelivered event never sends twice and every send is tracked
 * (attempts, next attempt, last error, response status, latency). Deliveries are claimed with
 * SKIP LOCKED under a lease, as robots are. Templates override the shipped defaults per
 * (event type, channel, locale). In-app notifications are an inbox per audience whose ids are the
 * SSE event ids, so a client reconnecting with Last-Event-ID to any instance gets what it missed.
 */
export class Notifications1764806400000 implements MigrationInterface {
  name = 'Notifications1764806400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE notification_channel_enum AS ENUM ('webhook', 'email', 'sms', 'in_app')`);
    await db.query(`CREATE TYPE subscription_status_enum AS ENUM ('ACTIVE', 'DISABLED')`);
    await db.query(`CREATE TYPE delivery_state_enum AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD')`);
    await db.query(`
      CREATE TABLE notification_subscriptions (
        subscription_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        name VARCHAR(200),
        channel notification_channel_enum NOT NULL,
        target VARCHAR(2048) NOT NULL,
        event_types TEXT[] NOT NULL,
        filter JSONB NOT NULL DEFAULT '{}',
        locale VARCHAR(5) NOT NULL DEFAULT 'en',
        digest_seconds INTEGER,
        retry_schedule INTEGER[],
        timeout_ms INTEGER,
        secret_ciphertext TEXT,
        previous_secret_ciphertext TEXT,
        previous_secret_expires_at TIMESTAMP,
        status subscription_status_enum NOT NULL DEFAULT 'ACTIVE',
        disabled_reason TEXT,
        disabled_at TIMESTAMP,
        failing_since TIMESTAMP,
        robot_id VARCHAR(50) REFERENCES robots (robot_id) ON DELETE CASCADE,
        created_by VARCHAR(100),
        created_at TIMESTAMP NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    await db.query(
      `CREATE INDEX idx_subscriptions_active ON notification_subscriptions (channel) WHERE status = 'ACTIVE'`,
    );
    await db.query(
      `CREATE INDEX idx_subscriptions_robot ON notification_subscriptions (robot_id) WHERE robot_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE notification_deliveries (
        delivery_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id BIGINT NOT NULL,
        event_type VARCHAR(100) NOT NULL,
        subscription_id UUID NOT NULL REFERENCES notification_subscriptions (subscription_id) ON DELETE CASCADE,
        channel notification_channel_enum NOT NULL,
        endpoint VARCHAR(300) NOT NULL,
        state delivery_state_enum NOT NULL DEFAULT 'PENDING',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMP NOT NULL DEFAULT NOW(),
        lease_expires_at TIMESTAMP,
        lease_owner VARCHAR(100),
        last_error TEXT,
        response_status INTEGER,
        latency_ms INTEGER,
        payload JSONB NOT NULL,
        created_at TIMESTAMP NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMP NOT NULL DEFAULT NOW(),
        sent_at TIMESTAMP,
        CONSTRAINT uq_delivery_event_subscription UNIQUE (event_id, subscription_id)
      )`);
    // The dispatcher's claim: what is due, oldest first. Ended deliveries leave the index.
    await db.query(`
      CREATE INDEX idx_deliveries_due ON notification_deliveries (next_attempt_at)
        WHERE state IN ('PENDING', 'FAILED', 'SENDING')`);
    await db.query(`CREATE INDEX idx_deliveries_subscription ON notification_deliveries (subscription_id, created_at)`);
    await db.query(`CREATE INDEX idx_deliveries_listing ON notification_deliveries (created_at, delivery_id)`);
    await db.query(`CREATE INDEX idx_deliveries_dead ON notification_deliveries (updated_at) WHERE state = 'DEAD'`);

    await db.query(`
      CREATE TABLE notification_templates (
        event_type VARCHAR(100) NOT NULL,
        channel notification_channel_enum NOT NULL,
        locale VARCHAR(5) NOT NULL,
        subject TEXT NOT NULL,
        body_text TEXT NOT NULL,
        body_html TEXT,
        updated_by VARCHAR(100),
        updated_at TIMESTAMP NOT NULL DEFAULT NOW(),
        PRIMARY KEY (event_type, channel, locale)
      )`);

    await db.query(`
      CREATE TABLE inbox_notifications (
        notification_id BIGSERIAL PRIMARY KEY,
        audience VARCHAR(200) NOT NULL,
        delivery_id UUID UNIQUE,
        event_id BIGINT,
        event_type VARCHAR(100) NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        data JSONB NOT NULL DEFAULT '{}',
        read_at TIMESTAMP,
        created_at TIMESTAMP NOT NULL DEFAULT NOW()
      )`);
    await db.query(`CREATE INDEX idx_inbox_audience ON inbox_notifications (audience, notification_id)`);
    await db.query(`CREATE INDEX idx_inbox_unread ON inbox_notifications (audience) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE inbox_notifications`);
    await db.query(`DROP TABLE notification_templates`);
    await db.query(`DROP TABLE notification_deliveries`);
    await db.query(`DROP TABLE notification_subscriptions`);
    await db.query(`DROP TYPE delivery_state_enum`);
    await db.query(`DROP TYPE subscription_status_enum`);
    await db.query(`DROP TYPE notification_channel_enum`);
  }
}

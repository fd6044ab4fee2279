import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dispatcher's claim read every due delivery and sorted it to take the oldest few: with a
 * backlog of 17,000 a claim cost 30-180 ms of the server's CPU, so sends per minute fell as the
 * backlog grew. The planner chose that (a bitmap scan and a sort) whenever its statistics lagged
 * behind a burst of deliveries, which is exactly when a backlog forms.
 *
 * `notification_claimable_deliveries` reads at most `scan` claimable rows, oldest first, in two
 * index scans that stop early: waiting deliveries by next attempt (`idx_deliveries_due`), and
 * sends whose instance died by lease end (the new `idx_deliveries_leases`, holding only sends in
 * flight). It is planned with sorts and bitmap scans off, so stale statistics cannot turn it back
 * into a read of the whole backlog (measured: 1.2 ms against 60 ms, 30,000 waiting). A row is
 * claimable on a channel the caller sends, at an endpoint not at capacity, for an ACTIVE
 * subscription, and, for an email digest's first attempt, once its window is over.
 */
export class DeliveryClaims1765065600000 implements MigrationInterface {
  name = 'DeliveryClaims1765065600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX idx_deliveries_leases ON notification_deliveries (lease_expires_at) WHERE state = 'SENDING'`,
    );
    await db.query(`
      CREATE FUNCTION notification_claimable_deliveries(channels text[], full_endpoints text[], scan integer)
      RETURNS TABLE (delivery_id uuid, endpoint varchar, subscription_id uuid, next_attempt_at timestamp,
                     channel notification_channel_enum)
      LANGUAGE sql STABLE
      SET enable_sort = off SET enable_bitmapscan = off
      AS $$
        (SELECT d.delivery_id, d.endpoint, d.subscription_id, d.next_attempt_at, d.channel
           FROM notification_deliveries d
          WHERE d.state IN ('PENDING', 'FAILED') AND d.next_attempt_at <= now()
            AND d.channel::text = ANY(channels) AND NOT d.endpoint = ANY(full_endpoints)
            AND (SELECT s.status = 'ACTIVE'
                        AND (s.digest_seconds IS NULL OR d.channel <> 'email' OR d.attempts > 0
                             OR d.created_at + make_interval(secs => s.digest_seconds) <= now())
                   FROM notification_subscriptions s WHERE s.subscription_id = d.subscription_id)
          ORDER BY d.next_attempt_at
          LIMIT scan)
        UNION ALL
        (SELECT d.delivery_id, d.endpoint, d.subscription_id, d.next_attempt_at, d.channel
           FROM notification_deliveries d
          WHERE d.state = 'SENDING' AND d.lease_expires_at < now()
            AND d.channel::text = ANY(channels) AND NOT d.endpoint = ANY(full_endpoints)
            AND (SELECT s.status = 'ACTIVE' FROM notification_subscriptions s WHERE s.subscription_id = d.subscription_id)
          ORDER BY d.lease_expires_at
          LIMIT scan)
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION notification_claimable_deliveries(text[], text[], integer)`);
    await db.query(`DROP INDEX idx_deliveries_leases`);
  }
}

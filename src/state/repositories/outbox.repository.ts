import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface OutboxCursor {
  last_tx_id: string;
  last_event_id: string;
}

export interface OutboxEvent {
  event_id: string;
  tx_id: string;
  event_type: string;
  robot_id: string | null;
  module_name: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

/** Reads robot_events in commit-safe order for the relay (see the OutboxRelay migration). */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  /** Takes or renews the consumer's lease; null while another instance holds it. */
  async acquire(consumer: string, owner: string, leaseMs: number): Promise<OutboxCursor | null> {
    await this.writer.query(`INSERT INTO outbox_cursors (consumer) VALUES ($1) ON CONFLICT (consumer) DO NOTHING`, [
      consumer,
    ]);
    const rows: OutboxCursor[] = await this.writer.query(
      // Wrapped in a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
      `WITH leased AS (
         UPDATE outbox_cursors SET owner = $2, lease_until = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
          WHERE consumer = $1 AND (owner IS NULL OR owner = $2 OR lease_until < now())
         RETURNING last_tx_id::text AS last_tx_id, last_event_id::text AS last_event_id
       )
       SELECT * FROM leased`,
      [consumer, owner, leaseMs],
    );
    return rows[0] ?? null;
  }

  /** Events after the cursor whose transactions can no longer be overtaken by a later commit. */
  next(cursor: OutboxCursor, limit: number): Promise<OutboxEvent[]> {
    return this.writer.query(
      `SELECT event_id::text AS event_id, tx_id::text AS tx_id, event_type, robot_id, module_name, payload, created_at
         FROM robot_events
        WHERE (tx_id, event_id) > ($1::xid8, $2::bigint) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY tx_id, event_id
        LIMIT $3`,
      [cursor.last_tx_id, cursor.last_event_id, limit],
    );
  }

  /** Moves the cursor and renews the lease; false when `owner` no longer holds it. */
  async advance(consumer: string, owner: string, to: OutboxCursor, leaseMs: number): Promise<boolean> {
    const rows: unknown[] = await this.writer.query(
      `WITH moved AS (
         UPDATE outbox_cursors SET last_tx_id = $3::xid8, last_event_id = $4::bigint, updated_at = now(),
                lease_until = now() + make_interval(secs => $5::double precision / 1000)
          WHERE consumer = $1 AND owner = $2
         RETURNING consumer
       )
       SELECT * FROM moved`,
      [consumer, owner, to.last_tx_id, to.last_event_id, leaseMs],
    );
    return rows.length > 0;
  }

  async release(consumer: string, owner: string): Promise<void> {
    await this.writer.query(
      `UPDATE outbox_cursors SET owner = NULL, lease_until = NULL WHERE consumer = $1 AND owner = $2`,
      [consumer, owner],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../../state/data-source.js';
import { type Keyed, keysetAt } from '../../state/repositories/keyset.js';
import type { ChannelName } from '../channels/notification-channel.js';

export type DeliveryState = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'DEAD';

/** Ended: nothing more happens to it unless it is replayed. */
export const ENDED_STATES: readonly DeliveryState[] = ['SENT', 'DEAD'];

export interface DeliveryRow {
  delivery_id: string;
  /** BIGINT: pg answers text. */
  event_id: string;
  event_type: string;
  subscription_id: string;
  channel: ChannelName;
  endpoint: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  response_status: number | null;
  latency_ms: number | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

export interface DeliveryListFilter {
  state?: DeliveryState;
  subscription_id?: string;
  channel?: ChannelName;
  event_type?: string;
  since?: Date;
  until?: Date;
  before?: { at: string; id: string };
  limit: number;
}

const COLUMNS = `delivery_id, event_id::text AS event_id, event_type, subscription_id, channel, endpoint, state, attempts,
  next_attempt_at, last_error, response_status, latency_ms, created_at, updated_at, sent_at`;

// Back to the queue, due now; the id (the webhook-id) and the attempt count stay.
const REQUEUE = `state = 'PENDING', next_attempt_at = now(), lease_expires_at = NULL, lease_owner = NULL,
  sent_at = NULL, updated_at = now()`;

/** The delivery log and replays (the dispatcher's claims and outcomes live in its own repository). */
@Injectable()
export class DeliveriesRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  /** Newest first, by (created_at, delivery_id): the listing index. */
  list(filter: DeliveryListFilter): Promise<Array<DeliveryRow & Keyed>> {
    const params: unknown[] = [
      filter.state ?? null,
      filter.subscription_id ?? null,
      filter.channel ?? null,
      filter.event_type ?? null,
      filter.since ?? null,
      filter.until ?? null,
    ];
    let keyset = '';
    if (filter.before) {
      params.push(filter.before.at, filter.before.id);
      keyset = 'AND (created_at, delivery_id) < ($7::timestamp, $8::uuid)';
    }
    params.push(filter.limit);
    return this.reader.query(
      `SELECT ${COLUMNS}, ${keysetAt('created_at')}
         FROM notification_deliveries
        WHERE ($1::text IS NULL OR state::text = $1) AND ($2::uuid IS NULL OR subscription_id = $2)
          AND ($3::text IS NULL OR channel::text = $3) AND ($4::text IS NULL OR event_type = $4)
          AND ($5::timestamp IS NULL OR created_at >= $5) AND ($6::timestamp IS NULL OR created_at < $6) ${keyset}
        ORDER BY created_at DESC, delivery_id DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  /** With its payload; from the write pool, so it shows a replay made a moment ago. */
  async findById(id: string): Promise<(DeliveryRow & { payload: Record<string, unknown> }) | null> {
    const rows: Array<DeliveryRow & { payload: Record<string, unknown> }> = await this.writer.query(
      `SELECT ${COLUMNS}, payload FROM notification_deliveries WHERE delivery_id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Requeues one ended delivery; null when it is not ended (or gone) by the time of the write. */
  async replay(id: string): Promise<DeliveryRow | null> {
    const rows: DeliveryRow[] = await this.writer.query(
      `WITH replayed AS (
         UPDATE notification_deliveries SET ${REQUEUE}
          WHERE delivery_id = $1 AND state IN ('SENT', 'DEAD') RETURNING ${COLUMNS}
       ) SELECT * FROM replayed`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Requeues every ended delivery of a subscription created in [since, until); answers how many. */
  async replayWindow(subscriptionId: string, since: Date, until: Date): Promise<number> {
    const rows: Array<{ replayed: number }> = await this.writer.query(
      `WITH replayed AS (
         UPDATE notification_deliveries SET ${REQUEUE}
          WHERE subscription_id = $1 AND created_at >= $2 AND created_at < $3 AND state IN ('SENT', 'DEAD')
         RETURNING 1
       ) SELECT count(*)::int AS replayed FROM replayed`,
      [subscriptionId, since, until],
    );
    return rows[0].replayed;
  }
}

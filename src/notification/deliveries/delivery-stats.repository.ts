import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../../state/data-source.js';

export interface QueueFigures {
  /** Due deliveries waiting for a send (PENDING or FAILED past their next attempt), by channel. */
  queue_depth: Record<string, number>;
  /** How long the most overdue delivery has waited past its due time; 0 when none waits. */
  oldest_pending_seconds: number;
}

export interface NotificationDashboardFigures extends QueueFigures {
  /** Deliveries created in the last hour, by channel and state now. */
  last_hour: Array<{ channel: string; sent: number; failed: number; dead: number; waiting: number }>;
  disabled_subscriptions: number;
  recently_disabled: Array<{ subscription_id: string; channel: string; reason: string | null; disabled_at: string }>;
}

/** Due rows, as the claim sees them (the due index serves both). */
const DUE = `state IN ('PENDING', 'FAILED') AND next_attempt_at <= now()`;
const QUEUE = `(SELECT coalesce(json_object_agg(channel, n), '{}'::json) FROM (
    SELECT channel::text AS channel, count(*)::int AS n FROM notification_deliveries WHERE ${DUE} GROUP BY 1) q)
    AS queue_depth,
  coalesce((SELECT extract(epoch FROM now() - min(next_attempt_at))::float8 FROM notification_deliveries
    WHERE ${DUE}), 0) AS oldest_pending_seconds`;

/** What metrics, alerts and the dashboard read of the deliveries: on the read pool, never a write connection. */
@Injectable()
export class DeliveryStatsRepository {
  constructor(@InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource) {}

  async queue(): Promise<QueueFigures> {
    const rows: QueueFigures[] = await this.reader.query(`SELECT ${QUEUE}`);
    return rows[0];
  }

  /** Dead letters within the last `windowSeconds` (idx_deliveries_dead) and the queue's age, for the alert rules. */
  async alertFigures(windowSeconds: number): Promise<{ dead_in_window: number; oldest_pending_seconds: number }> {
    const rows: Array<{ dead_in_window: number; oldest_pending_seconds: number }> = await this.reader.query(
      `SELECT (SELECT count(*)::int FROM notification_deliveries
                WHERE state = 'DEAD' AND updated_at >= now() - make_interval(secs => $1)) AS dead_in_window,
              coalesce((SELECT extract(epoch FROM now() - min(next_attempt_at))::float8 FROM notification_deliveries
                WHERE ${DUE}), 0) AS oldest_pending_seconds`,
      [windowSeconds],
    );
    return rows[0];
  }

  async dashboard(): Promise<NotificationDashboardFigures> {
    const rows: NotificationDashboardFigures[] = await this.reader.query(
      `SELECT ${QUEUE},
         (SELECT coalesce(json_agg(h ORDER BY h.channel), '[]'::json) FROM (
            SELECT channel::text AS channel,
                   count(*) FILTER (WHERE state = 'SENT')::int AS sent,
                   count(*) FILTER (WHERE state = 'FAILED')::int AS failed,
                   count(*) FILTER (WHERE state = 'DEAD')::int AS dead,
                   count(*) FILTER (WHERE state IN ('PENDING', 'SENDING'))::int AS waiting
              FROM notification_deliveries WHERE created_at >= now() - interval '1 hour' GROUP BY 1) h) AS last_hour,
         (SELECT count(*)::int FROM notification_subscriptions WHERE status = 'DISABLED') AS disabled_subscriptions,
         (SELECT coalesce(json_agg(r), '[]'::json) FROM (
            SELECT subscription_id, channel::text AS channel, disabled_reason AS reason,
                   to_char(disabled_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS disabled_at
              FROM notification_subscriptions WHERE status = 'DISABLED' AND disabled_at IS NOT NULL
             ORDER BY disabled_at DESC LIMIT 5) r) AS recently_disabled`,
    );
    return rows[0];
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** One event to turn into deliveries, with the subscriptions matched in memory. */
export interface FanoutEvent {
  event_id: number;
  event_type: string;
  robot_id: string | null;
  module_name: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
  /** Active subscriptions (not robot-scoped) whose event types and module filter want this event. */
  subscription_ids: string[];
  /** Also the event's robot's own subscriptions (`notify` at creation), those wanting this type. */
  robot_scoped: boolean;
}

/**
 * The isolation key of a delivery, from its subscription's stored (normalised) target: a
 * webhook's `scheme://host:port`, `smtp` for email (one relay), the channel name otherwise.
 */
export const ENDPOINT_SQL = `CASE s.channel
    WHEN 'webhook' THEN lower(substring(s.target FROM '^[A-Za-z]+://[^/?#]+'))
      || CASE WHEN substring(s.target FROM '^[A-Za-z]+://[^/?#]+') ~ ':[0-9]+$' THEN ''
              WHEN s.target ILIKE 'https:%' THEN ':443' ELSE ':80' END
    WHEN 'email' THEN 'smtp'
    ELSE s.channel::text END`;

/**
 * The fan-out's one statement per event: reads the robot's facts (for the filters and the payload),
 * re-checks every chosen subscription is still ACTIVE, wants the event and existed when it happened
 * (an event from before a subscription, reached late by a lagging relay or a replay, is not sent to
 * it), and inserts one delivery per subscription. ON CONFLICT makes a redelivered event a no-op.
 */
@Injectable()
export class FanoutRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  /** Answers how many deliveries were created (0 for a redelivery). */
  async createDeliveries(event: FanoutEvent): Promise<number> {
    const rows: Array<{ created: number }> = await this.writer.query(
      `WITH facts AS (
         SELECT robot_type, priority::text AS priority, correlation_id FROM robots WHERE robot_id = $3::text
       ), chosen AS (
         SELECT s.subscription_id, s.channel, s.target, s.filter FROM notification_subscriptions s
          WHERE s.status = 'ACTIVE'
            AND date_trunc('milliseconds', s.created_at) <= ($8::text::timestamptz AT TIME ZONE 'UTC')
            AND (s.subscription_id = ANY($6::uuid[])
                 OR ($7::boolean AND s.robot_id = $3::text AND $2::text = ANY(s.event_types)))
       ), inserted AS (
         INSERT INTO notification_deliveries (event_id, event_type, subscription_id, channel, endpoint, payload, next_attempt_at)
         SELECT $1::bigint, $2::text, s.subscription_id, s.channel, ${ENDPOINT_SQL},
                jsonb_build_object(
                  'type', $2::text,
                  'timestamp', $8::text,
                  'data', $5::jsonb || jsonb_build_object('robot_id', $3::text, 'module_name', $4::text)
                    || COALESCE((SELECT jsonb_build_object('robot_type', f.robot_type, 'priority', f.priority,
                                                           'correlation_id', f.correlation_id) FROM facts f), '{}'::jsonb)),
                now()
           FROM chosen s LEFT JOIN facts f ON true
          WHERE (s.filter->>'robot_type' IS NULL OR s.filter->>'robot_type' = f.robot_type)
            AND (s.filter->>'priority' IS NULL OR s.filter->>'priority' = f.priority)
            AND (s.filter->>'correlation_id' IS NULL OR s.filter->>'correlation_id' = f.correlation_id)
            AND (s.filter->>'module_name' IS NULL OR s.filter->>'module_name' = $4::text)
         ON CONFLICT (event_id, subscription_id) DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS created FROM inserted`,
      [
        event.event_id,
        event.event_type,
        event.robot_id,
        event.module_name,
        JSON.stringify(event.payload ?? {}),
        event.subscription_ids,
        event.robot_scoped,
        event.created_at.toISOString(),
      ],
    );
    return rows[0]?.created ?? 0;
  }
}

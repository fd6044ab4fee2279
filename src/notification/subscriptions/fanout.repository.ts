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
 * The fan-out's one statement for a batch of events: reads each robot's facts (for the filters and
 * the payload), re-checks every chosen subscription is still ACTIVE, wants the event and existed
 * when it happened (an event from before a subscription, reached late by a lagging relay or a
 * replay, is not sent to it), and inserts one delivery per event and subscription. ON CONFLICT
 * makes a redelivered event a no-op.
 */
@Injectable()
export class FanoutRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  /** Answers how many deliveries were created (0 for a redelivery). */
  async createDeliveries(events: readonly FanoutEvent[]): Promise<number> {
    const wanted = events.filter((event) => event.subscription_ids.length > 0 || event.robot_scoped);
    if (wanted.length === 0) return 0;
    const pairs = wanted.flatMap((event) => event.subscription_ids.map((id) => [event.event_id, id] as const));
    const rows: Array<{ created: number }> = await this.writer.query(
      `WITH ev AS (
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::boolean[])
                  AS e(event_id, event_type, robot_id, module_name, payload, ts, robot_scoped)
       ), chosen AS (
         SELECT e.*, s.subscription_id, s.channel, s.target, s.filter, s.status, s.created_at AS subscribed_at
           FROM unnest($8::bigint[], $9::uuid[]) AS p(event_id, subscription_id)
           JOIN ev e USING (event_id)
           JOIN notification_subscriptions s ON s.subscription_id = p.subscription_id
         UNION ALL
         SELECT e.*, s.subscription_id, s.channel, s.target, s.filter, s.status, s.created_at AS subscribed_at
           FROM ev e JOIN notification_subscriptions s ON s.robot_id = e.robot_id AND e.event_type = ANY(s.event_types)
          WHERE e.robot_scoped
       ), inserted AS (
         INSERT INTO notification_deliveries (event_id, event_type, subscription_id, channel, endpoint, payload, next_attempt_at)
         SELECT s.event_id, s.event_type, s.subscription_id, s.channel, ${ENDPOINT_SQL},
                jsonb_build_object(
                  'type', s.event_type,
                  'timestamp', s.ts,
                  'data', s.payload || jsonb_build_object('robot_id', s.robot_id, 'module_name', s.module_name)
                    || CASE WHEN f.robot_id IS NULL THEN '{}'::jsonb
                            ELSE jsonb_build_object('robot_type', f.robot_type, 'priority', f.priority::text,
                                                    'correlation_id', f.correlation_id) END),
                now()
           FROM chosen s LEFT JOIN robots f ON f.robot_id = s.robot_id
          WHERE s.status = 'ACTIVE'
            AND date_trunc('milliseconds', s.subscribed_at) <= (s.ts::timestamptz AT TIME ZONE 'UTC')
            AND (s.filter->>'robot_type' IS NULL OR s.filter->>'robot_type' = f.robot_type)
            AND (s.filter->>'priority' IS NULL OR s.filter->>'priority' = f.priority::text)
            AND (s.filter->>'correlation_id' IS NULL OR s.filter->>'correlation_id' = f.correlation_id)
            AND (s.filter->>'module_name' IS NULL OR s.filter->>'module_name' = s.module_name)
         ON CONFLICT (event_id, subscription_id) DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS created FROM inserted`,
      [
        wanted.map((event) => event.event_id),
        wanted.map((event) => event.event_type),
        wanted.map((event) => event.robot_id),
        wanted.map((event) => event.module_name),
        wanted.map((event) => JSON.stringify(event.payload ?? {})),
        wanted.map((event) => event.created_at.toISOString()),
        wanted.map((event) => event.robot_scoped),
        pairs.map(([eventId]) => eventId),
        pairs.map(([, id]) => id),
      ],
    );
    return rows[0]?.created ?? 0;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PreparedQueries } from '../../state/prepared-queries.js';
import type { ChannelName, NotificationLocale } from '../channels/notification-channel.js';

/** One claimed delivery with what sending it needs from its subscription. */
export interface ClaimedDelivery {
  delivery_id: string;
  /** The delivery this one is sent with: itself, or the oldest of its email digest. */
  group_id: string;
  event_id: string;
  event_type: string;
  subscription_id: string;
  channel: ChannelName;
  endpoint: string;
  /** This attempt's number (1 on the first send). */
  attempts: number;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  created_at: Date;
  target: string;
  locale: NotificationLocale;
  retry_schedule: number[] | null;
  timeout_ms: number | null;
  secret_ciphertext: string | null;
  /** Only while the rotation overlap lasts. */
  previous_secret_ciphertext: string | null;
}

export interface ClaimRequest {
  /** Written on every claimed row; outcomes are recorded only by the holder of this token. */
  leaseToken: string;
  leaseMs: number;
  /** Deliveries to take at most (the instance's free send slots). */
  limit: number;
  /** Channels this instance has an adapter for. */
  channels: ChannelName[];
  /** Endpoints with sends in flight here, and how many more each may take (0: none, skipped). */
  busyEndpoints: string[];
  busyFree: number[];
  /** How many an endpoint without sends in flight may take. */
  perEndpoint: number;
  /** Due rows read to choose from: bounds the cost of a claim whatever the backlog. */
  scan: number;
}

/** Claimable now: waiting and due, or SENDING under a lease that expired (its instance died). */
const DUE = `((d.state IN ('PENDING', 'FAILED') AND d.next_attempt_at <= now())
          OR (d.state = 'SENDING' AND d.lease_expires_at < now()))`;

/**
 * The dispatcher's claims (raw SQL: the hot path). One statement chooses what is due, oldest first
 * (at most `scan` rows read, by `notification_claimable_deliveries`: see the DeliveryClaims
 * migration), at most the endpoint's free slots per endpoint and none of an endpoint at capacity
 * (a slow or failing endpoint's backlog never fills a claim meant for others), locks it with SKIP
 * LOCKED (so instances claim disjoint sets without waiting on each other) and marks it SENDING
 * under a lease with attempts + 1. An email digest's oldest delivery brings the rest of its subscription's
 * waiting deliveries with it: they are sent as one message.
 */
@Injectable()
export class DeliveryClaimsRepository {
  constructor(
    private readonly prepared: PreparedQueries,
    @InjectDataSource() private readonly writer: DataSource,
  ) {}

  claim(request: ClaimRequest): Promise<ClaimedDelivery[]> {
    return this.prepared.query<ClaimedDelivery>(
      'notification_deliveries_claim',
      `WITH busy AS (
         SELECT * FROM unnest($5::text[], $6::int[]) AS b(endpoint, free)
       ), due AS (
         SELECT * FROM notification_claimable_deliveries($4::text[], ARRAY(SELECT endpoint FROM busy WHERE free <= 0), $8)
       ), candidates AS (
         SELECT u.delivery_id, u.endpoint, u.subscription_id, u.next_attempt_at,
                (s.digest_seconds IS NOT NULL AND u.channel = 'email') AS digest
           FROM due u JOIN notification_subscriptions s ON s.subscription_id = u.subscription_id
          ORDER BY u.next_attempt_at
          LIMIT $8
       ), ranked AS (
         SELECT c.*, row_number() OVER (PARTITION BY c.endpoint ORDER BY c.next_attempt_at) AS endpoint_rank,
                row_number() OVER (PARTITION BY c.subscription_id ORDER BY c.next_attempt_at) AS subscription_rank
           FROM candidates c
       ), chosen AS (
         SELECT r.delivery_id, r.subscription_id, r.digest FROM ranked r LEFT JOIN busy b ON b.endpoint = r.endpoint
          WHERE r.endpoint_rank <= coalesce(b.free, $7) AND (NOT r.digest OR r.subscription_rank = 1)
          ORDER BY r.next_attempt_at
          LIMIT $3
       ), locked AS (
         -- Read without locks above; rechecked here on the locked row (another instance may have
         -- claimed it meanwhile).
         SELECT d.delivery_id, d.subscription_id FROM notification_deliveries d
          WHERE d.delivery_id IN (SELECT delivery_id FROM chosen) AND ${DUE}
          FOR UPDATE SKIP LOCKED
       ), digests AS (
         SELECT l.delivery_id, l.subscription_id FROM locked l JOIN chosen c ON c.delivery_id = l.delivery_id
          WHERE c.digest
       ), companions AS (
         -- Per digest (a nested loop on the subscription's index): nothing is read when none is.
         SELECT w.delivery_id, g.delivery_id AS group_id
           FROM digests g CROSS JOIN LATERAL (
                  SELECT d.delivery_id FROM notification_deliveries d
                   WHERE d.subscription_id = g.subscription_id AND d.delivery_id <> g.delivery_id
                     AND (d.state = 'PENDING' OR (d.state = 'FAILED' AND d.next_attempt_at <= now()))
                   FOR UPDATE SKIP LOCKED) w
       ), claimed AS (
         UPDATE notification_deliveries d
            SET state = 'SENDING', attempts = d.attempts + 1, lease_owner = $1,
                lease_expires_at = now() + make_interval(secs => $2::float8 / 1000), updated_at = now()
          WHERE d.delivery_id = ANY(ARRAY(SELECT delivery_id FROM locked UNION ALL SELECT delivery_id FROM companions))
         RETURNING d.*
       )
       SELECT c.delivery_id, coalesce(g.group_id, c.delivery_id) AS group_id, c.event_id::text AS event_id, c.event_type, c.subscription_id,
              c.channel::text AS channel, c.endpoint, c.attempts, c.payload, c.created_at,
              s.target, s.locale, s.retry_schedule, s.timeout_ms, s.secret_ciphertext,
              CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret_ciphertext END
                AS previous_secret_ciphertext
         FROM claimed c JOIN notification_subscriptions s ON s.subscription_id = c.subscription_id
         LEFT JOIN companions g ON g.delivery_id = c.delivery_id
        ORDER BY c.created_at`,
      [
        request.leaseToken,
        request.leaseMs,
        request.limit,
        request.channels,
        request.busyEndpoints,
        request.busyFree,
        request.perEndpoint,
        request.scan,
      ],
    );
  }

  /**
   * Whether anything may be claimable: what a poll asks before claiming. Far cheaper than a claim
   * (on the embedded database every statement runs on the app's own thread), and mostly false.
   */
  async anyDue(channels: ChannelName[]): Promise<boolean> {
    const rows: unknown[] = await this.prepared.query(
      'notification_deliveries_any_due',
      `SELECT 1 FROM notification_deliveries d
        WHERE d.state IN ('PENDING', 'FAILED', 'SENDING')
          AND d.next_attempt_at <= now() AND d.channel::text = ANY($1::text[])
          AND (d.state <> 'SENDING' OR d.lease_expires_at < now())
        LIMIT 1`,
      [channels],
    );
    return rows.length > 0;
  }

  /**
   * Gives back what this instance holds and could not finish (shutdown): PENDING again, the
   * attempt not counted, claimable at once by any instance.
   */
  async release(leaseTokens: string[], deliveryIds: string[]): Promise<number> {
    if (deliveryIds.length === 0) return 0;
    const rows: unknown[] = await this.writer.query(
      `UPDATE notification_deliveries
          SET state = 'PENDING', attempts = greatest(attempts - 1, 0), lease_owner = NULL, lease_expires_at = NULL,
              next_attempt_at = now(), updated_at = now()
        WHERE delivery_id = ANY($2::uuid[]) AND lease_owner = ANY($1::text[]) AND state = 'SENDING'
        RETURNING 1`,
      [leaseTokens, deliveryIds],
    );
    return rows.length;
  }

  /**
   * Says on the waiting deliveries of channels without an adapter why they wait (they stay
   * PENDING: an instance with the adapter, or a later deploy, sends them). Bounded per call.
   */
  async markWithoutAdapter(channels: ChannelName[]): Promise<number> {
    const rows: unknown[] = await this.writer.query(
      `UPDATE notification_deliveries d SET last_error = 'no adapter for channel ' || d.channel, updated_at = now()
        WHERE d.delivery_id IN (
          SELECT delivery_id FROM notification_deliveries
           WHERE state = 'PENDING' AND next_attempt_at <= now() AND NOT channel::text = ANY($1::text[])
             AND last_error IS DISTINCT FROM 'no adapter for channel ' || channel
           LIMIT 500)
        RETURNING 1`,
      [channels],
    );
    return rows.length;
  }
}

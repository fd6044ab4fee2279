import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app-config.service.js';
import { MicroBatcher } from '../../core/batching/micro-batcher.js';
import { eventSql, EventType } from '../../core/events/event-catalogue.js';
import { writeBatching } from '../../state/write-batching.js';

export interface SentOutcome {
  deliveryId: string;
  leaseToken: string;
  status: number | null;
  latencyMs: number;
}

export interface FailedOutcome {
  /** The delivery, or every delivery of one email digest: they share the outcome. */
  deliveryIds: string[];
  leaseToken: string;
  subscriptionId: string;
  error: string;
  status: number | null;
  latencyMs: number;
  /** DEAD now: the last scheduled attempt failed, or no retry can succeed. */
  dead: boolean;
  /** When not dead: the wait before the next attempt. */
  delayMs: number;
  /** Disable the subscription now (410 Gone), whatever its failing time. */
  disableNow: boolean;
  /** A subscription failing without a success since longer than this is disabled. */
  disableAfterHours: number;
  /** Why the subscription is disabled, if it is (stored, and in the event). */
  disableReason: string;
  /** What the subscription.disabled event shows of the target (a webhook's origin only). */
  shownTarget: string;
}

export interface FailureRecorded {
  /** Rows of this outcome recorded (0: the lease was lost, another instance has the delivery). */
  recorded: number;
  dead: number;
  /** This statement disabled the subscription. */
  disabled: boolean;
  /** Its other waiting deliveries, made DEAD with it. */
  orphaned: number;
}

/**
 * Records how a send went, each outcome in one statement, only for the lease that sent it. Sends
 * that succeed at once share statements (group commit): under load one UPDATE records many.
 */
@Injectable()
export class DeliveryOutcomesRepository {
  private readonly sent: MicroBatcher<SentOutcome, boolean>;

  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    config: AppConfig,
  ) {
    this.sent = new MicroBatcher((items) => this.sentMany(items), writeBatching(config));
  }

  /** SENT with the answer's status and latency; the subscription is no longer failing. False: the lease was lost. */
  recordSent(outcome: SentOutcome): Promise<boolean> {
    return this.sent.submit(outcome);
  }

  private async sentMany(items: SentOutcome[]): Promise<boolean[]> {
    const rows: Array<{ delivery_id: string }> = await this.writer.query(
      `WITH v AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[]) AS v(id, token, status, latency)
       ), done AS (
         UPDATE notification_deliveries d
            SET state = 'SENT', response_status = v.status, latency_ms = v.latency, sent_at = now(),
                lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
           FROM v WHERE d.delivery_id = v.id AND d.lease_owner = v.token AND d.state = 'SENDING'
         RETURNING d.delivery_id, d.subscription_id
       ), healed AS (
         UPDATE notification_subscriptions s SET failing_since = NULL, updated_at = now()
          WHERE s.subscription_id IN (SELECT subscription_id FROM done) AND s.failing_since IS NOT NULL
       )
       SELECT delivery_id FROM done`,
      [
        items.map((i) => i.deliveryId),
        items.map((i) => i.leaseToken),
        items.map((i) => i.status),
        items.map((i) => Math.round(i.latencyMs)),
      ],
    );
    const recorded = new Set(rows.map((row) => row.delivery_id));
    return items.map((item) => recorded.has(item.deliveryId));
  }

  /**
   * FAILED until `delayMs` from now, or DEAD; the subscription starts failing (failing_since) if it
   * was not, and is DISABLED when asked (410) or failing for longer than `disableAfterHours`: then
   * its other waiting deliveries go DEAD and a `subscription.disabled` event is written, all in
   * this statement. Only the instance whose statement disabled it writes the event.
   */
  async recordFailure(outcome: FailedOutcome): Promise<FailureRecorded> {
    const rows: FailureRecorded[] = await this.writer.query(
      `WITH sub AS (
         -- A subscription disabled meanwhile (by a concurrent outcome, or an operator) ends its
         -- deliveries too: they would never be claimed again.
         SELECT s.subscription_id, s.status <> 'ACTIVE' AS gone,
                s.status = 'ACTIVE' AND ($8::boolean OR (s.failing_since IS NOT NULL
                  AND s.failing_since < now() - make_interval(secs => $9::float8 * 3600))) AS disabling
           FROM notification_subscriptions s WHERE s.subscription_id = $3
       ), failed AS (
         UPDATE notification_deliveries d
            SET state = (CASE WHEN $6::boolean OR coalesce((SELECT disabling OR gone FROM sub), true) THEN 'DEAD'
                              ELSE 'FAILED' END)::delivery_state_enum,
                next_attempt_at = CASE WHEN $6::boolean THEN d.next_attempt_at
                                       ELSE now() + make_interval(secs => $7::float8 / 1000) END,
                last_error = $4, response_status = $5, latency_ms = $12,
                lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
          WHERE d.delivery_id = ANY($1::uuid[]) AND d.lease_owner = $2 AND d.state = 'SENDING'
         RETURNING d.delivery_id, d.state
       ), touched AS (
         UPDATE notification_subscriptions s
            SET failing_since = coalesce(s.failing_since, now()),
                status = (CASE WHEN sub.disabling THEN 'DISABLED' ELSE 'ACTIVE' END)::subscription_status_enum,
                disabled_reason = CASE WHEN sub.disabling THEN $10 ELSE s.disabled_reason END,
                disabled_at = CASE WHEN sub.disabling THEN now() ELSE s.disabled_at END,
                updated_at = now()
           FROM sub
          WHERE s.subscription_id = sub.subscription_id AND s.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM failed)
         RETURNING s.subscription_id, s.channel, s.status
       ), orphaned AS (
         UPDATE notification_deliveries d
            SET state = 'DEAD', last_error = left('subscription disabled: ' || $10, 500), updated_at = now()
          WHERE d.subscription_id IN (SELECT subscription_id FROM touched WHERE status = 'DISABLED')
            AND d.state IN ('PENDING', 'FAILED') AND NOT d.delivery_id = ANY($1::uuid[])
         RETURNING 1
       ), event AS (
         INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
         SELECT ${eventSql(EventType.SubscriptionDisabled)}, NULL, NULL,
                jsonb_build_object('subscription_id', t.subscription_id, 'channel', t.channel,
                                   'target', $11::text, 'reason', $10::text)
           FROM touched t WHERE t.status = 'DISABLED'
       )
       SELECT (SELECT count(*) FROM failed)::int AS recorded,
              (SELECT count(*) FROM failed WHERE state = 'DEAD')::int AS dead,
              EXISTS (SELECT 1 FROM touched WHERE status = 'DISABLED') AS disabled,
              (SELECT count(*) FROM orphaned)::int AS orphaned`,
      [
        outcome.deliveryIds,
        outcome.leaseToken,
        outcome.subscriptionId,
        outcome.error,
        outcome.status,
        outcome.dead,
        outcome.delayMs,
        outcome.disableNow,
        outcome.disableAfterHours,
        outcome.disableReason,
        outcome.shownTarget,
        Math.round(outcome.latencyMs),
      ],
    );
    return rows[0];
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { OutboxRelay } from '../../state/outbox-relay.service.js';
import { SecretBox } from '../../security/secret-box.js';
import type { DeliveryOutcome } from '../channels/notification-channel.js';
import { originOf } from '../channels/webhook/webhook.channel.js';
import { ChannelAdapters } from './channel-adapters.service.js';
import type { ClaimedDelivery } from './delivery-claims.repository.js';
import { DeliveryOutcomesRepository } from './delivery-outcomes.repository.js';
import { NotificationMetrics } from './notification-metrics.js';
import { outgoingOf } from './outgoing-notification.js';
import { nextRetry, type RetryPolicy } from './retry-schedule.js';

const MAX_ERROR_LENGTH = 500;

/**
 * Sends one claimed group (a delivery, or an email digest) through its channel and records the
 * outcome: SENT; FAILED until the next scheduled attempt (± jitter, never before a Retry-After);
 * DEAD after the last one, or at once when no retry can succeed; the subscription DISABLED on 410
 * or after failing for NOTIFY_DISABLE_AFTER_HOURS. An outcome that cannot be recorded (database
 * down) is left to the lease: the delivery is claimed and sent again, with the same id.
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);
  private readonly policy: RetryPolicy;
  private readonly jitter: number;
  private readonly defaultTimeoutMs: number;

  constructor(
    private readonly adapters: ChannelAdapters,
    private readonly outcomes: DeliveryOutcomesRepository,
    private readonly secrets: SecretBox,
    private readonly metrics: NotificationMetrics,
    private readonly relay: OutboxRelay,
    config: AppConfig,
  ) {
    this.policy = {
      schedule: config.get('NOTIFY_RETRY_SCHEDULE'),
      disableAfterHours: config.get('NOTIFY_DISABLE_AFTER_HOURS'),
    };
    this.jitter = config.get('NOTIFY_RETRY_JITTER');
    this.defaultTimeoutMs = config.get('NOTIFY_WEBHOOK_TIMEOUT_MS');
  }

  /** Resolves once the outcome is recorded; false when the send was cut short by `signal` (nothing recorded). */
  async send(group: ClaimedDelivery[], leaseToken: string, signal: AbortSignal): Promise<boolean> {
    const lead = group[0];
    const adapter = this.adapters.get(lead.channel);
    const started = performance.now();
    let outcome: DeliveryOutcome;
    if (!adapter) {
      outcome = { ok: false, error: `no adapter for channel ${lead.channel}` };
    } else {
      const timeoutMs = lead.timeout_ms ?? this.defaultTimeoutMs;
      try {
        outcome = await adapter.send(outgoingOf(group, this.secretsOf(lead), timeoutMs, signal));
      } catch (error) {
        // A channel should answer, not throw; its message may name internals, so only its kind is kept.
        this.logger.error(`channel ${lead.channel} threw: ${(error as Error).message}`);
        outcome = { ok: false, error: `the ${lead.channel} channel failed (${(error as Error).name})` };
      }
    }
    if (signal.aborted) return false;
    const latencyMs = performance.now() - started;
    this.metrics.sendSeconds.observe({ channel: lead.channel }, latencyMs / 1_000);
    try {
      if (outcome.ok) await this.recordSent(group, leaseToken, outcome.status ?? null, latencyMs);
      else await this.recordFailure(group, leaseToken, outcome, latencyMs);
    } catch (error) {
      this.logger.warn(
        `outcome of delivery ${lead.delivery_id} not recorded (${(error as Error).message}): its lease expires and it is sent again`,
      );
    }
    return true;
  }

  private async recordSent(group: ClaimedDelivery[], leaseToken: string, status: number | null, latencyMs: number) {
    await Promise.all(
      group.map((row) => this.outcomes.recordSent({ deliveryId: row.delivery_id, leaseToken, status, latencyMs })),
    );
    const channel = group[0].channel;
    this.metrics.outcome(channel, 'sent', group.length);
    const now = Date.now();
    for (const row of group) {
      // From the event itself (its timestamp in the body), so the fan-out's share is counted too.
      const at = Date.parse(row.payload.timestamp) || row.created_at.getTime();
      this.metrics.eventToDeliverySeconds.observe({ channel }, Math.max(0, now - at) / 1_000);
    }
  }

  private async recordFailure(
    group: ClaimedDelivery[],
    leaseToken: string,
    outcome: Extract<DeliveryOutcome, { ok: false }>,
    latencyMs: number,
  ) {
    const lead = group[0];
    const schedule = lead.retry_schedule?.length ? lead.retry_schedule : this.policy.schedule;
    const retry = nextRetry(lead.attempts, schedule, this.jitter, outcome.retryAfterMs);
    const dead = retry.dead || outcome.permanent === true || outcome.disableSubscription === true;
    const recorded = await this.outcomes.recordFailure({
      deliveryIds: group.map((row) => row.delivery_id),
      leaseToken,
      subscriptionId: lead.subscription_id,
      error: outcome.error.slice(0, MAX_ERROR_LENGTH),
      status: outcome.status ?? null,
      latencyMs,
      dead,
      delayMs: retry.dead ? 0 : retry.delayMs,
      disableNow: outcome.disableSubscription === true,
      disableAfterHours: this.policy.disableAfterHours,
      disableReason: outcome.disableSubscription
        ? outcome.error.slice(0, MAX_ERROR_LENGTH)
        : `failing without a success for more than ${this.policy.disableAfterHours} h (last error: ${outcome.error.slice(0, 200)})`,
      shownTarget: lead.channel === 'webhook' ? originOf(lead.target) : lead.target,
    });
    if (recorded.dead > 0) this.metrics.outcome(lead.channel, 'dead', recorded.dead);
    if (recorded.recorded > recorded.dead)
      this.metrics.outcome(lead.channel, 'failed', recorded.recorded - recorded.dead);
    if (recorded.orphaned > 0) this.metrics.outcome(lead.channel, 'dead', recorded.orphaned);
    if (recorded.disabled) {
      this.logger.warn(
        `subscription ${lead.subscription_id} (${lead.channel}) disabled: ${outcome.error.slice(0, 200)}`,
      );
      this.relay.kick();
    }
  }

  /** The webhook's signing secrets, current first; one that cannot be opened is left out (never logged). */
  private secretsOf(row: ClaimedDelivery): string[] {
    const opened: string[] = [];
    for (const sealed of [row.secret_ciphertext, row.previous_secret_ciphertext]) {
      if (!sealed) continue;
      try {
        opened.push(this.secrets.open(sealed));
      } catch {
        this.logger.warn(`a signing secret of subscription ${row.subscription_id} cannot be opened with SECRETS_KEY`);
      }
    }
    return opened;
  }
}

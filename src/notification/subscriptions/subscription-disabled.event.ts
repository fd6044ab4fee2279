import type { EntityManager } from 'typeorm';
import { EventType } from '../../core/events/event-catalogue.js';
import { emitEvent } from '../../state/events/emit-event.js';
import type { ChannelName } from '../channels/notification-channel.js';
import { redactTarget } from './subscription-targets.js';

type Tx = Pick<EntityManager, 'query'>;

/**
 * Writes `subscription.disabled` in the caller's transaction (the one disabling the subscription),
 * so the admins hear of it if and only if it happened. A webhook's target is shown as scheme and
 * host only: its path or query may hold a token.
 */
export async function emitDisabled(
  tx: Tx,
  subscription: { subscription_id: string; channel: ChannelName; target: string },
  reason: string,
): Promise<void> {
  await emitEvent(
    tx,
    EventType.SubscriptionDisabled,
    { robot_id: null, module_name: null },
    {
      subscription_id: subscription.subscription_id,
      channel: subscription.channel,
      target: redactTarget(subscription.channel, subscription.target),
      reason,
    },
  );
}

/**
 * Disables an ACTIVE subscription and emits `subscription.disabled`, both in `tx`; answers false
 * (and emits nothing) when it was already disabled or is gone, so two instances racing tell once.
 */
export async function disableSubscription(tx: Tx, subscriptionId: string, reason: string): Promise<boolean> {
  const rows: Array<{ subscription_id: string; channel: ChannelName; target: string }> = await tx.query(
    `WITH disabled AS (
       UPDATE notification_subscriptions
          SET status = 'DISABLED', disabled_reason = $2, disabled_at = now(), updated_at = now()
        WHERE subscription_id = $1 AND status = 'ACTIVE'
       RETURNING subscription_id, channel, target
     ) SELECT * FROM disabled`,
    [subscriptionId, reason],
  );
  if (rows.length === 0) return false;
  await emitDisabled(tx, rows[0], reason);
  return true;
}

import { EVENT_CATALOGUE, type EventType } from '../../core/events/event-catalogue.js';
import type { NotificationEvent, OutgoingNotification } from '../channels/notification-channel.js';
import type { ClaimedDelivery } from './delivery-claims.repository.js';

/** The event a delivery carries, from its stored Standard Webhooks body `{type, timestamp, data}`. */
export function eventOf(row: ClaimedDelivery): NotificationEvent {
  const { type, timestamp, data } = row.payload;
  const str = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    event_id: Number(row.event_id),
    type: type ?? row.event_type,
    version: EVENT_CATALOGUE[(type ?? row.event_type) as EventType]?.version ?? 1,
    timestamp: new Date(timestamp ?? row.created_at),
    robot_id: str(data?.robot_id),
    module_name: str(data?.module_name),
    data: data ?? {},
  };
}

/**
 * What a channel sends for one claimed group: the lead delivery (its id is the webhook-id, on every
 * retry) and, for an email digest, every event of the group, oldest first.
 */
export function outgoingOf(
  group: ClaimedDelivery[],
  secrets: string[],
  timeoutMs: number,
  signal: AbortSignal,
): OutgoingNotification {
  const lead = group[0];
  const events = group.map(eventOf);
  return {
    delivery_id: lead.delivery_id,
    attempt: lead.attempts,
    event: events[0],
    ...(group.length > 1 && { digest: events }),
    subscription: {
      subscription_id: lead.subscription_id,
      channel: lead.channel,
      target: lead.target,
      locale: lead.locale,
      ...(lead.channel === 'webhook' && { secrets }),
    },
    timeout_ms: timeoutMs,
    signal,
  };
}

import { randomUUID } from 'node:crypto';
import type {
  ChannelName,
  NotificationEvent,
  NotificationLocale,
  OutgoingNotification,
} from '../../src/notification/channels/notification-channel.js';

/** A notification as the dispatcher hands it to a channel: first attempt, a fresh delivery id. */
export function outgoing(
  channel: ChannelName,
  target: string,
  locale: NotificationLocale,
  events: NotificationEvent[],
  timeoutMs = 5_000,
): OutgoingNotification {
  return {
    delivery_id: randomUUID(),
    attempt: 1,
    event: events[0],
    ...(events.length > 1 && { digest: events }),
    subscription: { subscription_id: randomUUID(), channel, target, locale },
    timeout_ms: timeoutMs,
    signal: AbortSignal.timeout(timeoutMs),
  };
}

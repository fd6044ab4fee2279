import { randomUUID } from 'node:crypto';
import { InAppChannel } from '../../src/notification/channels/in-app/in-app.channel.js';
import type { DeliveryOutcome, OutgoingNotification } from '../../src/notification/channels/notification-channel.js';
import type { TestApp } from '../support/test-app.js';

let eventSeq = 90_000;

/** What the dispatcher hands the in_app channel for one delivery of one event to `audience`. */
export function inAppNotification(
  audience: string,
  overrides: { deliveryId?: string; type?: string; robotId?: string; data?: Record<string, unknown> } = {},
): OutgoingNotification {
  const eventId = eventSeq++;
  return {
    delivery_id: overrides.deliveryId ?? randomUUID(),
    attempt: 1,
    event: {
      event_id: eventId,
      type: overrides.type ?? 'robot.failed',
      version: 1,
      timestamp: new Date(),
      robot_id: overrides.robotId ?? `LEGAL_1795310000000_${eventId}`,
      module_name: 'LegalModule',
      data: { robot_type: 'legal_review', error_category: 'VALIDATION', ...overrides.data },
    },
    subscription: {
      subscription_id: randomUUID(),
      channel: 'in_app',
      target: audience,
      locale: 'en',
    },
    timeout_ms: 15_000,
    signal: new AbortController().signal,
  };
}

/** Sends through the app's own in_app adapter, as the dispatcher does. */
export function sendInApp(t: Pick<TestApp, 'app'>, notification: OutgoingNotification): Promise<DeliveryOutcome> {
  return t.app.get(InAppChannel).send(notification);
}

/** Writes `n` notifications to `audience`, one after the other; answers their ids in order. */
export async function writeInbox(t: Pick<TestApp, 'app' | 'db'>, audience: string, n: number): Promise<number[]> {
  const deliveries: string[] = [];
  for (let i = 0; i < n; i++) {
    const notification = inAppNotification(audience, { data: { n: i } });
    const outcome = await sendInApp(t, notification);
    if (!outcome.ok) throw new Error(`in_app send failed: ${outcome.error}`);
    deliveries.push(notification.delivery_id);
  }
  const { rows } = await t.db.query<{ id: string }>(
    `SELECT notification_id::text AS id FROM inbox_notifications WHERE delivery_id = ANY($1::uuid[]) ORDER BY notification_id`,
    [deliveries],
  );
  return rows.map((row) => Number(row.id));
}

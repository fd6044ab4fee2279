import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

let nextEventId = 9_000_000 + Math.floor(Math.random() * 1_000_000);

/** A signing secret as the subscriptions API issues them: `whsec_` + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export interface SubscriptionSeed {
  channel?: 'webhook' | 'email' | 'sms' | 'in_app';
  target: string;
  /** Sealed with the app's SecretBox. */
  secretCiphertext?: string | null;
  previousSecretCiphertext?: string | null;
  previousSecretExpiresAt?: Date | null;
  retrySchedule?: number[] | null;
  timeoutMs?: number | null;
  digestSeconds?: number | null;
  failingSince?: Date | null;
}

/** A subscription row, as the subscriptions API writes one (the dispatcher only reads them). */
export async function insertSubscription(db: pg.Pool, seed: SubscriptionSeed): Promise<string> {
  const { rows } = await db.query<{ subscription_id: string }>(
    `INSERT INTO notification_subscriptions (channel, target, event_types, secret_ciphertext, previous_secret_ciphertext,
       previous_secret_expires_at, retry_schedule, timeout_ms, digest_seconds, failing_since)
     VALUES ($1, $2, ARRAY['robot.*'], $3, $4, $5, $6, $7, $8, $9) RETURNING subscription_id`,
    [
      seed.channel ?? 'webhook',
      seed.target,
      seed.secretCiphertext ?? null,
      seed.previousSecretCiphertext ?? null,
      seed.previousSecretExpiresAt ?? null,
      seed.retrySchedule ?? null,
      seed.timeoutMs ?? null,
      seed.digestSeconds ?? null,
      seed.failingSince ?? null,
    ],
  );
  return rows[0].subscription_id;
}

/** The isolation key of a webhook target: its origin with the port written out. */
export function endpointOf(target: string): string {
  const url = new URL(target);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${url.hostname}:${port}`;
}

/** Deliveries as the fan-out writes them: one per event, PENDING, with the Standard Webhooks body. */
export async function insertDeliveries(
  db: pg.Pool,
  subscriptionId: string,
  target: string,
  count = 1,
  channel = 'webhook',
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const events = ids.map(() => nextEventId++);
  const payloads = events.map((eventId, i) =>
    JSON.stringify({
      type: 'robot.completed',
      timestamp: new Date().toISOString(),
      data: { robot_id: `LEG_${eventId}_${i}`, module_name: 'Legal', processing_time_ms: 1200 },
    }),
  );
  await db.query(
    `INSERT INTO notification_deliveries (delivery_id, event_id, event_type, subscription_id, channel, endpoint, payload)
     SELECT id, event_id, 'robot.completed', $3, $4, $5, payload::jsonb
       FROM unnest($1::uuid[], $2::bigint[], $6::text[]) AS v(id, event_id, payload)`,
    [ids, events, subscriptionId, channel, channel === 'webhook' ? endpointOf(target) : channel, payloads],
  );
  return ids;
}

export interface DeliveryRow {
  delivery_id: string;
  state: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  response_status: number | null;
  latency_ms: number | null;
  sent_at: Date | null;
  updated_at: Date;
}

export async function deliveriesOf(db: pg.Pool, ids: string[]): Promise<DeliveryRow[]> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT delivery_id, state::text AS state, attempts, next_attempt_at, last_error, response_status, latency_ms,
            sent_at, updated_at
       FROM notification_deliveries WHERE delivery_id = ANY($1::uuid[]) ORDER BY created_at, delivery_id`,
    [ids],
  );
  return rows;
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SecretBox } from '../../src/security/secret-box.js';
import {
  deliveriesOf,
  insertDeliveries,
  insertSubscription,
  newWebhookSecret,
  type SubscriptionSeed,
} from '../factories/notification.factory.js';
import { eventually } from '../support/eventually.js';
import { SMTP_PASSWORD, SMTP_USER, smtpServer } from '../support/smtp-server.js';
import { http, startApp, type TestApp, useTestApp } from '../support/test-app.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * The dispatcher and the webhook channel in the real app on PGlite, against a real receiver that
 * verifies every message with the standardwebhooks library. Deliveries are written by SQL as the
 * fan-out writes them. The retry schedule is shortened to 0, 1, 1, 1 s, without jitter.
 */
describe('notification dispatch', () => {
  const t = useTestApp({
    NOTIFY_RETRY_SCHEDULE: '0,1,1,1',
    NOTIFY_RETRY_JITTER: '0',
    NOTIFY_DISPATCH_POLL_MS: '100',
    NOTIFY_ENDPOINT_CONCURRENCY: '4',
    // The receivers listen on 127.0.0.1: allowed by name; anything else internal is refused.
    NOTIFY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  });
  const secret = newWebhookSecret();
  let receiver: WebhookReceiver;
  let seal: (plain: string) => string;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start([secret]);
    seal = (plain) => t.app.get(SecretBox).seal(plain);
  });
  afterAll(() => receiver.close());

  const subscribe = (path: string, seed: Partial<SubscriptionSeed> = {}) =>
    insertSubscription(t.db, { target: receiver.url(path), secretCiphertext: seal(secret), ...seed });
  const settled = (ids: string[], states = ['SENT', 'DEAD']) =>
    eventually(
      () => deliveriesOf(t.db, ids),
      (rows) => rows.every((row) => states.includes(row.state)),
      15_000,
    );
  const subscription = async (id: string) =>
    (
      await t.db.query<{ status: string; disabled_reason: string | null; failing_since: Date | null }>(
        `SELECT status::text, disabled_reason, failing_since FROM notification_subscriptions WHERE subscription_id = $1`,
        [id],
      )
    ).rows[0];
  const disabledEvents = async (id: string) =>
    (
      await t.db.query<{ payload: Record<string, string> }>(
        `SELECT payload FROM events WHERE event_type = 'subscription.disabled' AND payload->>'subscription_id' = $1`,
        [id],
      )
    ).rows.map((row) => row.payload);

  it('delivers a signed Standard Webhooks message the receiver verifies, and records it SENT', async () => {
    const sub = await subscribe('/ok');
    const [id] = await insertDeliveries(t.db, sub, receiver.url('/ok'));
    const [row] = await settled([id]);
    expect(row).toMatchObject({ state: 'SENT', attempts: 1, response_status: 200, last_error: null });
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row.latency_ms).toBeGreaterThanOrEqual(0);
    const [message] = receiver.at('/ok');
    expect(message.id).toBe(id);
    expect(Math.abs(message.timestamp - Date.now() / 1000)).toBeLessThan(10);
    expect(message.signatures).toEqual([expect.stringMatching(/^v1,[A-Za-z0-9+/]+=*$/)]);
    const { rows } = await t.db.query<{ payload: unknown }>(
      'SELECT payload FROM notification_deliveries WHERE delivery_id = $1',
      [id],
    );
    expect(message.payload).toEqual(rows[0].payload);
    expect(Object.keys(message.payload)).toEqual(['type', 'timestamp', 'data']);
    expect(receiver.rejected).toEqual([]);
    const metrics = await http<string>(`${t.url}/metrics`);
    expect(metrics.body).toMatch(/botfleet_notifications_total\{channel="webhook",outcome="sent"\} [1-9]/);
    expect(metrics.body).toMatch(/botfleet_notification_event_to_delivery_seconds_count\{channel="webhook"\} [1-9]/);
  });

  it('retries a receiver answering 500 three times on the schedule, with the same webhook-id, until SENT on attempt 4', async () => {
    receiver.script('/flaky', { status: 500 }, { status: 500 }, { status: 500 }, { status: 200 });
    const sub = await subscribe('/flaky');
    const [id] = await insertDeliveries(t.db, sub, receiver.url('/flaky'));
    const [row] = await settled([id]);
    expect(row).toMatchObject({ state: 'SENT', attempts: 4, response_status: 200, last_error: 'HTTP 500' });
    const attempts = receiver.at('/flaky');
    expect(attempts.map((a) => a.id)).toEqual([id, id, id, id]);
    // Attempts 2-4 each waited the schedule's 1 s.
    for (let i = 1; i < 4; i++) expect(attempts[i].at - attempts[i - 1].at).toBeGreaterThanOrEqual(950);
    // A success ends the failing streak.
    expect((await subscription(sub)).failing_since).toBeNull();
  });

  it('goes DEAD after the last scheduled attempt, and counts it', async () => {
    receiver.script('/down', { status: 500 });
    const sub = await subscribe('/down', { retrySchedule: [0, 1] });
    const [id] = await insertDeliveries(t.db, sub, receiver.url('/down'));
    const [row] = await settled([id]);
    expect(row).toMatchObject({ state: 'DEAD', attempts: 2, last_error: 'HTTP 500', response_status: 500 });
    expect(receiver.at('/down')).toHaveLength(2);
    const metrics = await http<string>(`${t.url}/metrics`);
    expect(metrics.body).toMatch(/botfleet_notifications_total\{channel="webhook",outcome="dead"\} [1-9]/);
    expect(metrics.body).toMatch(/botfleet_notification_delivery_seconds_count\{channel="webhook"\} [1-9]/);
    expect(metrics.body).toMatch(/botfleet_notification_oldest_pending_seconds \d/);
  });

  it('disables the subscription on 410 Gone: the delivery and the rest of its queue go DEAD, subscription.disabled is written', async () => {
    receiver.script('/gone', { status: 410 });
    const sub = await subscribe('/gone');
    const target = receiver.url('/gone?token=s3cr3t');
    const [first] = await insertDeliveries(t.db, sub, target);
    const [row] = await settled([first]);
    expect(row).toMatchObject({ state: 'DEAD', attempts: 1, response_status: 410 });
    expect(await subscription(sub)).toMatchObject({
      status: 'DISABLED',
      disabled_reason: expect.stringMatching(/410/),
    });
    const events = await disabledEvents(sub);
    expect(events).toEqual([
      {
        subscription_id: sub,
        channel: 'webhook',
        target: `http://127.0.0.1:${receiver.port}`,
        reason: expect.any(String),
      },
    ]);
    // Deliveries of a disabled subscription are not sent.
    const [later] = await insertDeliveries(t.db, sub, target);
    await new Promise((ok) => setTimeout(ok, 500));
    expect((await deliveriesOf(t.db, [later]))[0].state).toBe('PENDING');
    expect(receiver.at('/gone')).toHaveLength(1);
  });

  it('waits out Retry-After on 429 before the next attempt', async () => {
    receiver.script('/busy', { status: 429, headers: { 'retry-after': '2' } }, { status: 200 });
    const sub = await subscribe('/busy');
    const [id] = await insertDeliveries(t.db, sub, receiver.url('/busy'));
    const [row] = await settled([id]);
    expect(row).toMatchObject({ state: 'SENT', attempts: 2 });
    const [first, second] = receiver.at('/busy');
    expect(second.at - first.at).toBeGreaterThanOrEqual(1_950);
  });

  it('times out a receiver that hangs, and retries it', async () => {
    receiver.script('/hang', 'hang', { status: 204 });
    const sub = await subscribe('/hang', { timeoutMs: 300 });
    const [id] = await insertDeliveries(t.db, sub, receiver.url('/hang'));
    const [row] = await settled([id]);
    expect(row).toMatchObject({
      state: 'SENT',
      attempts: 2,
      response_status: 204,
      last_error: 'no answer within 300 ms',
    });
    expect(receiver.at('/hang').map((m) => m.id)).toEqual([id, id]);
  });

  it('refuses a target resolving to loopback (localhost) at connect time: DEAD at once, the receiver gets nothing', async () => {
    const target = receiver.url('/ssrf', 'localhost');
    const sub = await insertSubscription(t.db, { target, secretCiphertext: seal(secret) });
    const [id] = await insertDeliveries(t.db, sub, target);
    const [row] = await settled([id]);
    expect(row).toMatchObject({ state: 'DEAD', attempts: 1 });
    expect(row.last_error).toMatch(/^refused by policy: localhost resolves to 127\.0\.0\.1/);
    expect(receiver.at('/ssrf')).toEqual([]);
    expect(receiver.rejected.filter((r) => r.path === '/ssrf')).toEqual([]);
  });

  it('signs with both secrets during a rotation, and with the current one only once the overlap is over', async () => {
    const next = newWebhookSecret();
    receiver.secrets = [secret, next];
    try {
      const rotating = await subscribe('/rotating', {
        secretCiphertext: seal(next),
        previousSecretCiphertext: seal(secret),
        previousSecretExpiresAt: new Date(Date.now() + 3_600_000),
      });
      const rotated = await subscribe('/rotated', {
        secretCiphertext: seal(next),
        previousSecretCiphertext: seal(secret),
        previousSecretExpiresAt: new Date(Date.now() - 1_000),
      });
      const ids = [
        ...(await insertDeliveries(t.db, rotating, receiver.url('/rotating'))),
        ...(await insertDeliveries(t.db, rotated, receiver.url('/rotated'))),
      ];
      await settled(ids);
      const [during] = receiver.at('/rotating');
      expect(during.signatures).toHaveLength(2);
      expect(during.verifiedWith).toEqual([0, 1]);
      const [after] = receiver.at('/rotated');
      expect(after.signatures).toHaveLength(1);
      expect(after.verifiedWith).toEqual([1]);
    } finally {
      receiver.secrets = [secret];
    }
  });

  it('disables a subscription failing for longer than NOTIFY_DISABLE_AFTER_HOURS and writes subscription.disabled', async () => {
    receiver.script('/failing', { status: 500 });
    const sub = await subscribe('/failing', { failingSince: new Date(Date.now() - 121 * 3_600_000) });
    const ids = await insertDeliveries(t.db, sub, receiver.url('/failing'), 3);
    const rows = await settled(ids, ['DEAD']);
    expect(rows.map((row) => row.state)).toEqual(['DEAD', 'DEAD', 'DEAD']);
    expect(await subscription(sub)).toMatchObject({
      status: 'DISABLED',
      disabled_reason: expect.stringMatching(/^failing without a success for more than 120 h/),
    });
    expect(await disabledEvents(sub)).toHaveLength(1);
    // Only as many sends as it took to learn it: the rest went DEAD with the subscription.
    expect(receiver.at('/failing').length).toBeLessThanOrEqual(3);
  });

  it('isolates endpoints: one hanging with a deep backlog does not delay another', async () => {
    const slow = await WebhookReceiver.start([secret]);
    try {
      slow.script('/slow', 'hang');
      const slowSub = await insertSubscription(t.db, {
        target: slow.url('/slow'),
        secretCiphertext: seal(secret),
        timeoutMs: 10_000,
      });
      await insertDeliveries(t.db, slowSub, slow.url('/slow'), 40);
      await eventually(
        async () => slow.at('/slow').length,
        (n) => n >= 4,
      );
      const fastSub = await subscribe('/fast');
      const started = Date.now();
      const [id] = await insertDeliveries(t.db, fastSub, receiver.url('/fast'));
      await settled([id]);
      expect(Date.now() - started).toBeLessThan(1_000);
      // The slow endpoint never had more than its NOTIFY_ENDPOINT_CONCURRENCY sends at once.
      expect(slow.at('/slow')).toHaveLength(4);
    } finally {
      await slow.close();
    }
  });

  it('claims past a deeper backlog of older deliveries it may not send (a DISABLED subscription), oldest first', async () => {
    // More waiting rows than one claim reads (NOTIFY_DISPATCH_CONCURRENCY 64 x 4), all older than
    // the active subscription's: a claim that stopped at its first rows would never reach it.
    const disabled = await subscribe('/disabled-backlog');
    const waiting = await insertDeliveries(t.db, disabled, receiver.url('/disabled-backlog'), 600);
    await t.db.query(`UPDATE notification_subscriptions SET status = 'DISABLED' WHERE subscription_id = $1`, [
      disabled,
    ]);
    await t.db.query(
      `UPDATE notification_deliveries SET next_attempt_at = now() - interval '1 hour' WHERE delivery_id = ANY($1::uuid[])`,
      [waiting],
    );
    const active = await subscribe('/past-the-backlog');
    const ids = await insertDeliveries(t.db, active, receiver.url('/past-the-backlog'), 3);
    const rows = await settled(ids);
    expect(rows.map((row) => row.state)).toEqual(['SENT', 'SENT', 'SENT']);
    const left = await t.db.query<{ state: string; n: number }>(
      `SELECT state::text, count(*)::int AS n FROM notification_deliveries WHERE delivery_id = ANY($1::uuid[]) GROUP BY 1`,
      [waiting],
    );
    expect(left.rows).toEqual([{ state: 'PENDING', n: 600 }]);
    expect(receiver.at('/disabled-backlog')).toHaveLength(0);
  });

  it('shows the last hour by channel, the queue and disabled subscriptions on the dashboard', async () => {
    const { status, body } = await http<{ notifications: Record<string, unknown> }>(
      `${t.url}/api/v1/monitoring/dashboard`,
    );
    expect(status).toBe(200);
    const block = body.notifications as {
      last_hour: Array<{ channel: string; sent: number; dead: number }>;
      queue_depth: Record<string, number>;
      oldest_pending_seconds: number;
      disabled_subscriptions: number;
      recently_disabled: Array<{ subscription_id: string; reason: string }>;
    };
    const webhook = block.last_hour.find((row) => row.channel === 'webhook');
    expect(webhook?.sent).toBeGreaterThan(5);
    expect(webhook?.dead).toBeGreaterThan(0);
    expect(block.disabled_subscriptions).toBeGreaterThanOrEqual(2);
    expect(block.recently_disabled[0]).toMatchObject({
      subscription_id: expect.any(String),
      reason: expect.any(String),
    });
    // The hanging endpoint's backlog from the isolation test is still queued.
    expect(block.queue_depth.webhook).toBeGreaterThan(0);
    expect(block.oldest_pending_seconds).toBeGreaterThanOrEqual(0);
  });
});

describe('notification dispatch: an email digest', () => {
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await smtpServer();
    t = await startApp({
      SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${smtp.port}`,
      NOTIFY_DISPATCH_POLL_MS: '100',
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((done) => smtp.server.close(() => done()));
  });

  it('sends one message through the real SMTP relay once the window of its oldest delivery is over', async () => {
    const sub = await insertSubscription(t.db, { channel: 'email', target: 'ops@example.com', digestSeconds: 1 });
    const ids = await insertDeliveries(t.db, sub, 'smtp', 3, 'email');
    await new Promise((ok) => setTimeout(ok, 400));
    expect(smtp.inbox).toEqual([]);
    const rows = await eventually(
      () => deliveriesOf(t.db, ids),
      (found) => found.every((row) => row.state === 'SENT'),
      15_000,
    );
    expect(rows.map((row) => row.attempts)).toEqual([1, 1, 1]);
    expect(smtp.inbox).toHaveLength(1);
    const [mail] = smtp.inbox;
    expect(mail.to).toEqual(['ops@example.com']);
    // The digest lists each event's robot, in the text part and in the HTML part of the one message.
    const { rows: payloads } = await t.db.query<{ robot_id: string }>(
      `SELECT payload->'data'->>'robot_id' AS robot_id FROM notification_deliveries WHERE delivery_id = ANY($1::uuid[])`,
      [ids],
    );
    const robots = payloads.map((row) => row.robot_id);
    expect(robots).toHaveLength(3);
    for (const robot of robots) {
      expect(mail.mail.text).toContain(robot);
      expect(mail.mail.html).toContain(robot);
    }
  });
});

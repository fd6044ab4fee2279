import { expect } from '@jest/globals';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DELIVERIES_CREATED } from '../../src/notification/deliveries/delivery-signals.js';
import {
  api,
  awaitDeliveries,
  DELIVERIES,
  type Delivery,
  type Problem,
  subscribe,
  SUBSCRIPTIONS,
  workerFor,
} from './notifications.js';
import type { TestApp } from './test-app.js';

/**
 * Robots finished through the API fan out into deliveries; the log lists them, and ended ones are
 * replayed (one, or a subscription's window) back to PENDING with the same id and attempts.
 * Run on PGlite and on PostgreSQL.
 */
export async function fansOutAndReplays(t: TestApp): Promise<void> {
  const call = api(t);
  const robotType = `replay_${Date.now()}`;
  const worker = await workerFor(t, robotType);
  const hook = await subscribe(t, {
    channel: 'webhook',
    target: 'https://hooks.example.com/replay',
    event_types: ['robot.completed', 'robot.failed'],
    filter: { robot_type: robotType },
  });
  for (let i = 0; i < 3; i++) await worker.create();
  await worker.finishAll('complete');
  await worker.create();
  await worker.finishAll('fail');
  const rows = await awaitDeliveries(t, hook.subscription_id, 4);
  expect(rows.map((row) => row.event_type).sort()).toEqual([
    'robot.completed',
    'robot.completed',
    'robot.completed',
    'robot.failed',
  ]);

  // The log: filtered, newest first, two a page.
  const seen: Delivery[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: Delivery[]; next_cursor: string | null } } = await call(
      'GET',
      `${DELIVERIES}?subscription_id=${hook.subscription_id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(page.status).toBe(200);
    seen.push(...page.body.items);
    cursor = page.body.next_cursor;
  } while (cursor);
  expect(seen.map((d) => d.delivery_id).sort()).toEqual(rows.map((d) => d.delivery_id).sort());
  expect(seen.every((d) => d.payload === undefined && d.state === 'PENDING' && d.channel === 'webhook')).toBe(true);
  const failed = await call<{ items: Delivery[] }>(
    'GET',
    `${DELIVERIES}?subscription_id=${hook.subscription_id}&event_type=robot.failed&channel=webhook&state=PENDING`,
  );
  expect(failed.body.items.map((d) => d.event_type)).toEqual(['robot.failed']);
  const future = new Date(Date.now() + 3_600_000).toISOString();
  const none = await call<{ items: Delivery[] }>(
    'GET',
    `${DELIVERIES}?subscription_id=${hook.subscription_id}&since=${future}`,
  );
  expect(none.body.items).toEqual([]);
  const until = await call<{ items: Delivery[] }>(
    'GET',
    `${DELIVERIES}?subscription_id=${hook.subscription_id}&until=${future}`,
  );
  expect(until.body.items).toHaveLength(4);

  // One delivery in full.
  const one = await call<Delivery>('GET', `${DELIVERIES}/${rows[0].delivery_id}`);
  expect(one.status).toBe(200);
  expect(one.body).toMatchObject({ delivery_id: rows[0].delivery_id, attempts: 0, payload: rows[0].payload });

  // A delivery still being tried is not replayed; an ended one is, keeping its id and attempts.
  const pending = await call<Problem>('POST', `${DELIVERIES}/${rows[0].delivery_id}/replay`);
  expect({ status: pending.status, code: pending.body.code }).toEqual({ status: 409, code: 'DELIVERY_NOT_ENDED' });
  await t.db.query(
    `UPDATE notification_deliveries SET state = 'DEAD', attempts = 8, last_error = 'HTTP 500', next_attempt_at = now() + interval '1 day'
      WHERE delivery_id = $1`,
    [rows[0].delivery_id],
  );
  await t.db.query(
    `UPDATE notification_deliveries SET state = 'SENT', attempts = 1, sent_at = now() WHERE subscription_id = $1 AND delivery_id <> $2`,
    [hook.subscription_id, rows[0].delivery_id],
  );
  const woken: number[] = [];
  const listener = (signal: { count: number }) => woken.push(signal.count);
  t.app.get(EventEmitter2).on(DELIVERIES_CREATED, listener);
  const replayed = await call<Delivery>('POST', `${DELIVERIES}/${rows[0].delivery_id}/replay`);
  expect(replayed.status).toBe(200);
  expect(replayed.body).toMatchObject({ delivery_id: rows[0].delivery_id, state: 'PENDING', attempts: 8 });
  expect(Math.abs(new Date(replayed.body.next_attempt_at).getTime() - Date.now())).toBeLessThan(5_000);

  // Every ended delivery of the subscription in a window: the three SENT ones (the replayed one is PENDING).
  const window = { since: new Date(Date.now() - 3_600_000).toISOString(), until: future };
  const bulk = await call<{ replayed: number }>('POST', `${SUBSCRIPTIONS}/${hook.subscription_id}/replay`, window);
  expect(bulk).toMatchObject({ status: 200, body: { replayed: 3 } });
  expect(woken).toEqual([1, 3]);
  t.app.get(EventEmitter2).off(DELIVERIES_CREATED, listener);
  const states = await t.db.query<{ state: string; sent_at: Date | null }>(
    'SELECT state::text AS state, sent_at FROM notification_deliveries WHERE subscription_id = $1',
    [hook.subscription_id],
  );
  expect(states.rows.every((row) => row.state === 'PENDING' && row.sent_at === null)).toBe(true);
  const empty = await call<{ replayed: number }>('POST', `${SUBSCRIPTIONS}/${hook.subscription_id}/replay`, {
    since: future,
    until: new Date(Date.now() + 7_200_000).toISOString(),
  });
  expect(empty.body.replayed).toBe(0);

  // Refusals: a backwards window, a disabled subscription, unknown ids.
  const backwards = await call<Problem>('POST', `${SUBSCRIPTIONS}/${hook.subscription_id}/replay`, {
    since: window.until,
    until: window.since,
  });
  expect({ status: backwards.status, code: backwards.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  await t.db.query(`UPDATE notification_subscriptions SET status = 'DISABLED' WHERE subscription_id = $1`, [
    hook.subscription_id,
  ]);
  const disabled = await call<Problem>('POST', `${SUBSCRIPTIONS}/${hook.subscription_id}/replay`, window);
  expect({ status: disabled.status, code: disabled.body.code }).toEqual({ status: 409, code: 'SUBSCRIPTION_DISABLED' });
  const missing = await call<Problem>('POST', `${DELIVERIES}/00000000-0000-4000-8000-000000000000/replay`);
  expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'DELIVERY_NOT_FOUND' });
}

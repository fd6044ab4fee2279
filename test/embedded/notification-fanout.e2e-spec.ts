import { describe, expect, it } from '@jest/globals';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Webhook } from 'standardwebhooks';
import { DELIVERIES_CREATED } from '../../src/notification/deliveries/delivery-signals.js';
import { NotificationFanout } from '../../src/notification/subscriptions/notification-fanout.consumer.js';
import { disableSubscription } from '../../src/notification/subscriptions/subscription-disabled.event.js';
import { OutboxRelay } from '../../src/state/outbox-relay.service.js';
import { SecretBox } from '../../src/security/secret-box.js';
import {
  api,
  awaitDeliveries,
  deliveriesOf,
  type Problem,
  subscribe,
  SUBSCRIPTIONS,
  type Subscription,
  workerFor,
} from '../support/notifications.js';
import { http, useTestApp } from '../support/test-app.js';
import { eventually } from '../support/eventually.js';

const settle = (t: { app: { get: (c: typeof OutboxRelay) => OutboxRelay } }) => t.app.get(OutboxRelay).settle();

describe('the fan-out of events into deliveries', () => {
  // The fan-out is under test: nothing is sent, so deliveries stay as it wrote them.
  const t = useTestApp({ NOTIFY_SUBSCRIPTION_CACHE_MS: '60000', NOTIFY_DISPATCH_ENABLED: 'false' });
  const call = api(t);

  it('creates one delivery per matching subscription, with the Standard Webhooks body and the robot facts', async () => {
    const worker = await workerFor(t, 'fanout_basic');
    const hook = await subscribe(t, {
      channel: 'webhook',
      target: 'https://hooks.example.com:8443/in?x=1',
      event_types: ['robot.completed'],
      filter: { robot_type: 'fanout_basic' },
    });
    const mail = await subscribe(t, {
      channel: 'email',
      target: 'ops@example.com',
      event_types: ['robot.*'],
      filter: { robot_type: 'fanout_basic' },
    });
    const sms = await subscribe(t, {
      channel: 'sms',
      target: '+34600111222',
      event_types: ['robot.failed'],
      filter: { robot_type: 'fanout_basic' },
    });
    const signals: number[] = [];
    t.app.get(EventEmitter2).on(DELIVERIES_CREATED, (signal: { count: number }) => signals.push(signal.count));

    const robot = await worker.create({ priority: 'HIGH', correlation_id: 'batch-7' });
    await worker.finishAll('complete');

    const [delivery] = await awaitDeliveries(t, hook.subscription_id, 1);
    expect(delivery).toMatchObject({
      event_type: 'robot.completed',
      channel: 'webhook',
      endpoint: 'https://hooks.example.com:8443',
      state: 'PENDING',
      attempts: 0,
    });
    expect(delivery.payload).toEqual({
      type: 'robot.completed',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: {
        robot_id: robot.robot_id,
        module_name: worker.moduleName,
        robot_type: 'fanout_basic',
        priority: 'HIGH',
        correlation_id: 'batch-7',
        processing_time_ms: expect.any(Number),
      },
    });
    // robot.* is created, assigned/started and completed; progress only when named.
    const mails = await eventually(
      () => deliveriesOf(t, mail.subscription_id),
      (rows) => rows.some((row) => row.event_type === 'robot.completed'),
    );
    expect(mails.map((row) => row.event_type)).toEqual(
      expect.arrayContaining(['robot.created', 'robot.started', 'robot.completed']),
    );
    expect(mails.every((row) => row.endpoint === 'smtp')).toBe(true);
    expect(await deliveriesOf(t, sms.subscription_id)).toEqual([]);
    expect(signals.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1 + mails.length);

    // The body and the secret verify with the library receivers use.
    const secret = t.app
      .get(SecretBox)
      .open(
        (
          await t.db.query('SELECT secret_ciphertext FROM notification_subscriptions WHERE subscription_id = $1', [
            hook.subscription_id,
          ])
        ).rows[0].secret_ciphertext,
      );
    const body = JSON.stringify(delivery.payload);
    const timestamp = new Date();
    const signature = new Webhook(secret).sign(delivery.delivery_id, timestamp, body);
    expect(
      new Webhook(hook.secret!).verify(body, {
        'webhook-id': delivery.delivery_id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      }),
    ).toEqual(delivery.payload);
  });

  it('is idempotent when the relay delivers an event again', async () => {
    const worker = await workerFor(t, 'fanout_again');
    const hook = await subscribe(t, {
      channel: 'in_app',
      target: 'ops',
      event_types: ['robot.failed'],
      filter: { robot_type: 'fanout_again' },
    });
    await worker.create();
    await worker.finishAll('fail');
    const [first] = await awaitDeliveries(t, hook.subscription_id, 1);
    const { rows } = await t.db.query(`SELECT * FROM events WHERE event_id = $1`, [first.event_id]);
    const event = rows[0];
    const fanout = t.app.get(NotificationFanout);
    for (const attempt of [2, 3]) {
      await fanout.handle({
        event_id: Number(event.event_id),
        event_type: event.event_type,
        event_version: event.event_version,
        robot_id: event.robot_id,
        module_name: event.module_name,
        payload: event.payload,
        created_at: event.created_at,
        attempt,
      });
    }
    // And the relay itself, replaying the consumer from the start of what it retained.
    expect((await call('POST', '/api/v1/events/consumers/notifications/replay')).status).toBe(202);
    await settle(t);
    const again = await deliveriesOf(t, hook.subscription_id);
    expect(again.map((row) => row.delivery_id)).toEqual([first.delivery_id]);
  });

  it('sends a subscription only the events that happened after it was created, even on a replay', async () => {
    const worker = await workerFor(t, 'fanout_after');
    await worker.create();
    await worker.finishAll('fail');
    await settle(t);
    const hook = await subscribe(t, {
      channel: 'in_app',
      target: 'ops',
      event_types: ['robot.failed'],
      filter: { robot_type: 'fanout_after' },
    });
    // The relay goes over the earlier robot.failed again: it is older than the subscription.
    expect((await call('POST', '/api/v1/events/consumers/notifications/replay')).status).toBe(202);
    await settle(t);
    expect(await deliveriesOf(t, hook.subscription_id)).toEqual([]);
    const later = await worker.create();
    await worker.finishAll('fail');
    const [delivery] = await awaitDeliveries(t, hook.subscription_id, 1);
    expect(delivery.payload).toMatchObject({ data: { robot_id: later.robot_id } });
  });

  it('matches wildcards, families and filters; robot.progress only when named', async () => {
    const worker = await workerFor(t, 'fanout_filter');
    const other = await workerFor(t, 'fanout_other');
    const every = await subscribe(t, {
      channel: 'in_app',
      target: 'all',
      event_types: ['*'],
      filter: { robot_type: 'fanout_filter' },
    });
    const progress = await subscribe(t, {
      channel: 'in_app',
      target: 'steps',
      event_types: ['robot.progress'],
      filter: { robot_type: 'fanout_filter' },
    });
    const high = await subscribe(t, {
      channel: 'in_app',
      target: 'high',
      event_types: ['robot.completed'],
      filter: { robot_type: 'fanout_filter', priority: 'HIGH' },
    });
    const byModule = await subscribe(t, {
      channel: 'in_app',
      target: 'mod',
      event_types: ['robot.completed'],
      filter: { module_name: other.moduleName },
    });
    const byBatch = await subscribe(t, {
      channel: 'in_app',
      target: 'batch',
      event_types: ['robot.completed'],
      filter: { correlation_id: 'only-this' },
    });

    await worker.create({ priority: 'LOW', correlation_id: 'only-this' });
    const claimed = await call<Array<{ execute_id: string; lease_token: string }>>(
      'POST',
      `/api/v1/modules/${worker.moduleName}/claims`,
      { max_robots: 1 },
    );
    const [{ execute_id, lease_token }] = claimed.body;
    expect(
      (
        await call('POST', `/api/v1/executions/${execute_id}/progress`, {
          lease_token,
          progress_percentage: 50,
          current_step: 'half',
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('POST', `/api/v1/executions/${execute_id}/complete`, { lease_token, output_data: {} })).status,
    ).toBe(200);
    await other.create();
    await other.finishAll();

    const all = await eventually(
      () => deliveriesOf(t, every.subscription_id),
      (rows) => rows.some((row) => row.event_type === 'robot.completed'),
    );
    expect(all.map((row) => row.event_type)).not.toContain('robot.progress');
    const steps = await awaitDeliveries(t, progress.subscription_id, 1);
    expect(steps.map((row) => [row.event_type, row.payload!.data.current_step])).toEqual([['robot.progress', 'half']]);
    await awaitDeliveries(t, byModule.subscription_id, 1);
    const batch = await awaitDeliveries(t, byBatch.subscription_id, 1);
    expect(batch[0].payload!.data.correlation_id).toBe('only-this');
    await settle(t);
    expect(await deliveriesOf(t, high.subscription_id)).toEqual([]);
    expect(
      (await deliveriesOf(t, byModule.subscription_id)).every(
        (row) => row.payload!.data.module_name === other.moduleName,
      ),
    ).toBe(true);
  });

  it('stops at once for a subscription this instance deleted or disabled, despite the cached copy', async () => {
    const worker = await workerFor(t, 'fanout_stop');
    const gone = await subscribe(t, {
      channel: 'in_app',
      target: 'gone',
      event_types: ['robot.completed'],
      filter: { robot_type: 'fanout_stop' },
    });
    const off = await subscribe(t, {
      channel: 'in_app',
      target: 'off',
      event_types: ['robot.completed'],
      filter: { robot_type: 'fanout_stop' },
    });
    const on = await subscribe(t, {
      channel: 'in_app',
      target: 'on',
      event_types: ['robot.completed'],
      filter: { robot_type: 'fanout_stop' },
    });
    await worker.create();
    await worker.finishAll();
    await awaitDeliveries(t, on.subscription_id, 1);
    expect((await call('DELETE', `${SUBSCRIPTIONS}/${gone.subscription_id}`)).status).toBe(204);
    // Disabled by the dispatcher (another part, SQL here): the cache does not know, the insert does.
    await t.db.query(`UPDATE notification_subscriptions SET status = 'DISABLED' WHERE subscription_id = $1`, [
      off.subscription_id,
    ]);
    await worker.create();
    await worker.finishAll();
    await awaitDeliveries(t, on.subscription_id, 2);
    await settle(t);
    expect(await deliveriesOf(t, off.subscription_id)).toHaveLength(1);
  });

  it('tells the admins (built-in subscriptions) when a subscription is disabled, the webhook target redacted', async () => {
    const hook = await subscribe(t, {
      channel: 'webhook',
      target: 'https://hooks.example.com/secret-path?token=abc',
      event_types: ['alert.fired'],
    });
    const listing = await call<{ items: Subscription[] }>('GET', `${SUBSCRIPTIONS}?channel=in_app&limit=200`);
    const admins = listing.body.items.find((s) => s.name === 'system:admins-in-app')!;
    // As the dispatcher does, in its own transaction.
    await t.app.get<DataSource>(getDataSourceToken()).transaction(async (tx) => {
      expect(await disableSubscription(tx, hook.subscription_id, 'the receiver answered 410 Gone')).toBe(true);
      expect(await disableSubscription(tx, hook.subscription_id, 'again')).toBe(false);
    });
    t.app.get(OutboxRelay).kick();
    const [told] = await awaitDeliveries(t, admins.subscription_id, 1);
    expect(told).toMatchObject({ event_type: 'subscription.disabled', channel: 'in_app', endpoint: 'in_app' });
    expect(told.payload!.data).toEqual({
      subscription_id: hook.subscription_id,
      channel: 'webhook',
      target: 'https://hooks.example.com',
      reason: 'the receiver answered 410 Gone',
      robot_id: null,
      module_name: null,
    });
    expect((await call<Subscription>('GET', `${SUBSCRIPTIONS}/${hook.subscription_id}`)).body).toMatchObject({
      status: 'DISABLED',
      disabled_reason: 'the receiver answered 410 Gone',
    });
  });

  it('gives a robot its own subscriptions with notify: its final events only, secrets in the creation answer', async () => {
    const worker = await workerFor(t, 'fanout_notify');
    const robot = await worker.create({
      notify: [
        { channel: 'webhook', target: 'https://Robots.Example.com/done' },
        { channel: 'in_app', target: 'robot-watchers' },
      ],
    });
    expect(robot.notify).toEqual([
      {
        subscription_id: expect.any(String),
        channel: 'webhook',
        target: 'https://robots.example.com/done',
        secret: expect.stringMatching(/^whsec_/),
      },
      { subscription_id: expect.any(String), channel: 'in_app', target: 'robot-watchers', secret: null },
    ]);
    const [hook, inbox] = robot.notify! as Array<{ subscription_id: string; secret: string | null }>;
    const read = await call<Subscription>('GET', `${SUBSCRIPTIONS}/${hook.subscription_id}`);
    expect(read.body).toMatchObject({
      robot_id: robot.robot_id,
      event_types: ['robot.completed', 'robot.failed', 'robot.cancelled', 'robot.retrying'],
      has_secret: true,
    });
    expect(JSON.stringify(read.body)).not.toContain(hook.secret!.slice(6));
    const { rows: events } = await t.db.query(
      `SELECT payload FROM events WHERE robot_id = $1 AND event_type = 'robot.created'`,
      [robot.robot_id],
    );
    expect(events[0].payload).toMatchObject({ notify: 2 });
    expect(JSON.stringify(events)).not.toContain('whsec_');
    const widened = await call<Problem>('PATCH', `${SUBSCRIPTIONS}/${hook.subscription_id}`, {
      event_types: ['robot.failed', 'robot.started'],
    });
    expect({ status: widened.status, code: widened.body.code }).toEqual({
      status: 400,
      code: 'NOTIFICATION_SETTING_NOT_FOR_CHANNEL',
    });
    const fromRobot = await call<{ items: Subscription[] }>('GET', `${SUBSCRIPTIONS}?robot_id=${robot.robot_id}`);
    expect(fromRobot.body.items).toHaveLength(2);

    // Another robot of the same type: its events never reach these subscriptions.
    await worker.create();
    await worker.finishAll();
    const done = await awaitDeliveries(t, inbox.subscription_id, 1);
    await settle(t);
    expect(
      (await deliveriesOf(t, inbox.subscription_id)).map((row) => [row.event_type, row.payload!.data.robot_id]),
    ).toEqual([['robot.completed', robot.robot_id]]);
    expect(done[0].payload!.data.robot_id).toBe(robot.robot_id);
    const hooked = await deliveriesOf(t, hook.subscription_id);
    expect(hooked.map((row) => [row.event_type, row.endpoint])).toEqual([
      ['robot.completed', 'https://robots.example.com:443'],
    ]);
  });

  it('refuses a bad notify before creating anything', async () => {
    const worker = await workerFor(t, 'fanout_badnotify');
    const count = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM robots WHERE robot_type = 'fanout_badnotify'`)).rows[0].n;
    const bodies: Array<[unknown, string, RegExp]> = [
      [[{ channel: 'webhook', target: 'http://127.0.0.1/' }], 'NOTIFICATION_TARGET_INVALID', /notify\[0\]: .*loopback/],
      [
        [
          { channel: 'in_app', target: 'ok' },
          { channel: 'sms', target: '12' },
        ],
        'NOTIFICATION_TARGET_INVALID',
        /notify\[1\]: .*E\.164/,
      ],
      [[{ channel: 'pager', target: 'x' }], 'NOTIFICATION_TARGET_INVALID', /channel must be one of/],
      [Array(6).fill({ channel: 'in_app', target: 'ok' }), 'VALIDATION_FAILED', /notify/],
      [[{ channel: 'in_app', target: 'ok', secret: 'x' }], 'VALIDATION_FAILED', /secret should not exist/],
      [{ channel: 'in_app' }, 'VALIDATION_FAILED', /notify/],
    ];
    for (const [notify, code, detail] of bodies) {
      const res = await call<Problem>('POST', '/api/v1/robots', {
        robot_type: 'fanout_badnotify',
        input_data: {},
        notify,
      });
      expect({ notify, status: res.status, code: res.body.code }).toEqual({ notify, status: 400, code });
      expect(`${res.body.detail} ${(res.body.errors ?? []).join(' ')}`).toMatch(detail);
    }
    const bulk = await call<Problem>('POST', '/api/v1/robots/bulk', {
      robots: [{ robot_type: 'fanout_badnotify', input_data: {}, notify: [{ channel: 'in_app', target: 'ok' }] }],
    });
    expect({ status: bulk.status, code: bulk.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await count()).toBe(0);
    expect(worker.moduleName).toBeTruthy();
  });

  it('creates a robot’s subscriptions once under an Idempotency-Key; a repeat shows no secret again', async () => {
    await workerFor(t, 'fanout_idem');
    const body = {
      robot_type: 'fanout_idem',
      input_data: {},
      notify: [{ channel: 'webhook', target: 'https://hooks.example.com/i' }],
    };
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'notify-idem-0001' };
    const first = await http<{ robot_id: string; notify?: unknown[] }>(`${t.url}/api/v1/robots`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const again = await http<{ robot_id: string; notify?: unknown[] }>(`${t.url}/api/v1/robots`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(first.body.notify).toHaveLength(1);
    expect(again.body.robot_id).toBe(first.body.robot_id);
    expect(again.body).not.toHaveProperty('notify');
    const { rows } = await t.db.query('SELECT count(*)::int AS n FROM notification_subscriptions WHERE robot_id = $1', [
      first.body.robot_id,
    ]);
    expect(rows[0].n).toBe(1);
  });
});

describe('with NOTIFY_ENABLED=false', () => {
  const t = useTestApp({ NOTIFY_ENABLED: 'false' });

  it('creates no deliveries, while the API still answers', async () => {
    const worker = await workerFor(t, 'fanout_off');
    const inbox = await subscribe(t, { channel: 'in_app', target: 'ops', event_types: ['*'] });
    await worker.create();
    await worker.finishAll();
    await t.app.get(OutboxRelay).settle();
    expect(await deliveriesOf(t, inbox.subscription_id)).toEqual([]);
  });
});

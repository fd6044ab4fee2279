import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { AppConfig } from '../../src/core/config/app-config.service.js';
import { SecretBox } from '../../src/security/secret-box.js';
import {
  deliveriesOf,
  insertDeliveries,
  insertSubscription,
  newWebhookSecret,
} from '../factories/notification.factory.js';
import { eventually } from '../support/eventually.js';
import { spawnService } from '../support/service-process.js';
import { startApp, TEST_ADMIN_KEY, TEST_SECRETS_KEY, type TestApp } from '../support/test-app.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const NOTIFY = {
  NOTIFY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  NOTIFY_DISPATCH_POLL_MS: '100',
  NOTIFY_ENDPOINT_CONCURRENCY: '16',
  NOTIFY_RETRY_JITTER: '0',
};
const ENV = {
  DATABASE_URL: process.env.TEST_DATABASE_URL,
  REDIS_URL: process.env.TEST_REDIS_URL,
  CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_notify`,
  ...NOTIFY,
};

/** Deliveries on real PostgreSQL: several instances claiming one table, and a process killed mid-send. */
describe('notification dispatch (PostgreSQL)', () => {
  const secret = newWebhookSecret();
  const box = new SecretBox({
    get: (key: string) => ({ SECRETS_KEY: TEST_SECRETS_KEY, DATABASE_URL: ENV.DATABASE_URL, DATA_DIR: '.' })[key],
  } as unknown as AppConfig);
  let receiver: WebhookReceiver;
  let db: pg.Pool;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start([secret]);
    db = new pg.Pool({ connectionString: ENV.DATABASE_URL });
  });
  afterAll(async () => {
    await receiver.close();
    await db.end();
  });

  const seed = async (path: string, subscriptions: number, perSubscription: number) => {
    const ids: string[] = [];
    for (let i = 0; i < subscriptions; i++) {
      const target = receiver.url(`${path}/${i}`);
      const sub = await insertSubscription(db, { target, secretCiphertext: box.seal(secret) });
      ids.push(...(await insertDeliveries(db, sub, target, perSubscription)));
    }
    return ids;
  };
  const allSent = (ids: string[], timeoutMs: number) =>
    eventually(
      () => deliveriesOf(db, ids),
      (rows) => rows.length === ids.length && rows.every((row) => row.state === 'SENT'),
      timeoutMs,
    );
  const receivedIds = (prefix: string) => receiver.received.filter((r) => r.path.startsWith(prefix)).map((r) => r.id);

  it('two instances on one database never send one delivery twice, and share the work', async () => {
    const apps: TestApp[] = [];
    try {
      apps.push(await startApp(ENV), await startApp(ENV));
      for (let i = 0; i < 10; i++) receiver.script(`/pair/${i}`, { status: 200, delayMs: 15 });
      receiver.maxConcurrentPerId = 0;
      const ids = await seed('/pair', 10, 40);
      const rows = await allSent(ids, 30_000);
      expect(rows.map((row) => row.state)).toEqual(ids.map(() => 'SENT'));
      const got = receivedIds('/pair');
      expect(got.sort()).toEqual([...ids].sort());
      expect(receiver.maxConcurrentPerId).toBe(1);
      expect(rows.every((row) => row.attempts === 1)).toBe(true);
      // Both took part: each instance's counter of sent deliveries moved.
      for (const app of apps) {
        const metrics = await (await fetch(`${app.url}/metrics`)).text();
        const sent = /botfleet_notifications_total\{channel="webhook",outcome="sent"\} (\d+)/.exec(metrics);
        expect(Number(sent?.[1] ?? 0)).toBeGreaterThan(0);
      }
    } finally {
      for (const app of apps) await app.close();
    }
  }, 90_000);

  it('after kill -9 mid-delivery, a restarted process sends every delivery; duplicates carry the same webhook-id', async () => {
    const env = {
      DATABASE_URL: ENV.DATABASE_URL!,
      REDIS_URL: ENV.REDIS_URL!,
      CACHE_KEY_PREFIX: `${ENV.CACHE_KEY_PREFIX}_kill`,
      SECRETS_KEY: TEST_SECRETS_KEY,
      BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY,
      NOTIFY_DELIVERY_LEASE_MS: '2000',
      ...NOTIFY,
    };
    for (let i = 0; i < 5; i++) receiver.script(`/kill/${i}`, { status: 200, delayMs: 200 });
    const first = spawnService(env);
    await first.ready;
    const ids = await seed('/kill', 5, 40);
    await eventually(
      async () => receivedIds('/kill').length,
      (n) => n >= 20,
      20_000,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const before = await deliveriesOf(db, ids);
    // Some were mid-send when the process died: claimed, never recorded.
    expect(before.filter((row) => row.state === 'SENDING').length).toBeGreaterThan(0);

    const second = spawnService(env);
    try {
      await second.ready;
      const rows = await allSent(ids, 60_000);
      expect(rows.map((row) => row.state)).toEqual(ids.map(() => 'SENT'));
      const got = receivedIds('/kill');
      // Every delivery arrived, nothing else did; a repeat is the same message (same id and body).
      expect(new Set(got)).toEqual(new Set(ids));
      const bodies = new Map<string, string>();
      for (const message of receiver.received.filter((r) => r.path.startsWith('/kill'))) {
        expect(bodies.get(message.id) ?? message.body).toBe(message.body);
        bodies.set(message.id, message.body);
      }
      expect(got.length).toBeGreaterThanOrEqual(ids.length);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);

  it('at shutdown lets sends finish within the grace, then gives back what still hangs: PENDING, attempt not counted', async () => {
    receiver.script('/shutdown/quick', { status: 200, delayMs: 300 });
    receiver.script('/shutdown/stuck', 'hang');
    const app = await startApp(ENV);
    const quickTarget = receiver.url('/shutdown/quick');
    const stuckTarget = receiver.url('/shutdown/stuck');
    const quick = await insertSubscription(db, { target: quickTarget, secretCiphertext: box.seal(secret) });
    const stuck = await insertSubscription(db, {
      target: stuckTarget,
      secretCiphertext: box.seal(secret),
      timeoutMs: 60_000,
    });
    const [quickId] = await insertDeliveries(db, quick, quickTarget);
    const [stuckId] = await insertDeliveries(db, stuck, stuckTarget);
    await eventually(
      async () => receivedIds('/shutdown').length,
      (n) => n >= 2,
    );
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(20_000);
    const [quickRow, stuckRow] = await deliveriesOf(db, [quickId, stuckId]).then((rows) =>
      [quickId, stuckId].map((id) => rows.find((row) => row.delivery_id === id)!),
    );
    expect(quickRow).toMatchObject({ state: 'SENT', attempts: 1 });
    expect(stuckRow).toMatchObject({ state: 'PENDING', attempts: 0 });
  }, 60_000);
});

import { expect } from '@jest/globals';
import { registerModule, uniqueModuleName } from '../factories/module.factory.js';
import { eventually } from './eventually.js';
import { http, type HttpResult, type TestApp } from './test-app.js';

export type Subscription = {
  subscription_id: string;
  name: string | null;
  channel: string;
  target: string;
  event_types: string[];
  filter: Record<string, string>;
  locale: string;
  digest_seconds: number | null;
  retry_schedule: number[] | null;
  timeout_ms: number | null;
  status: string;
  disabled_reason: string | null;
  failing_since: string | null;
  robot_id: string | null;
  has_secret: boolean;
  secret_rotating_until: string | null;
  system: boolean;
  secret?: string | null;
};

export type Delivery = {
  delivery_id: string;
  event_id: string;
  event_type: string;
  subscription_id: string;
  channel: string;
  endpoint: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  payload?: { type: string; timestamp: string; data: Record<string, unknown> };
};

export type Problem = { status: number; code: string; detail: string; errors?: string[] };

/** A JSON call with the test admin key unless `key` says otherwise. */
export function api(t: Pick<TestApp, 'url'>) {
  return <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    key?: string | null,
  ): Promise<HttpResult<T>> =>
    http<T>(`${t.url}${path}`, {
      method,
      key,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
}

export const SUBSCRIPTIONS = '/api/v1/notifications/subscriptions';
export const DELIVERIES = '/api/v1/notifications/deliveries';

export async function subscribe(t: Pick<TestApp, 'url'>, spec: Record<string, unknown>): Promise<Subscription> {
  const res = await api(t)<Subscription>('POST', SUBSCRIPTIONS, spec);
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
  return res.body;
}

/** The deliveries of one subscription, read straight from the table (payload included). */
export async function deliveriesOf(t: Pick<TestApp, 'db'>, subscriptionId: string): Promise<Delivery[]> {
  const { rows } = await t.db.query<Delivery>(
    `SELECT delivery_id, event_id::text AS event_id, event_type, subscription_id, channel::text AS channel, endpoint,
            state::text AS state, attempts, payload
       FROM notification_deliveries WHERE subscription_id = $1 ORDER BY event_id`,
    [subscriptionId],
  );
  return rows;
}

/** Waits until the subscription has `count` deliveries (the fan-out runs after commit). */
export function awaitDeliveries(t: Pick<TestApp, 'db'>, subscriptionId: string, count: number): Promise<Delivery[]> {
  return eventually(
    () => deliveriesOf(t, subscriptionId),
    (rows) => rows.length >= count,
  );
}

/** A remote module serving `robotType`: create robots, then complete or fail them through the worker API. */
export async function workerFor(t: Pick<TestApp, 'url'>, robotType: string) {
  const moduleName = uniqueModuleName('Notify');
  expect((await registerModule(t, moduleName, [robotType])).status).toBe(201);
  const call = api(t);
  return {
    moduleName,
    async create(extra: Record<string, unknown> = {}) {
      const res = await call<{ robot_id: string; notify?: Array<Record<string, unknown>> }>('POST', '/api/v1/robots', {
        robot_type: robotType,
        input_data: { n: 1 },
        ...extra,
      });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
      return res.body;
    },
    /** Claims what is queued and completes it (or fails it for good with VALIDATION). */
    async finishAll(outcome: 'complete' | 'fail' = 'complete') {
      const claimed = await call<Array<{ robot_id: string; execute_id: string; lease_token: string }>>(
        'POST',
        `/api/v1/modules/${moduleName}/claims`,
        { max_robots: 50 },
      );
      expect(claimed.status).toBe(200);
      for (const robot of claimed.body) {
        const body =
          outcome === 'complete'
            ? { lease_token: robot.lease_token, output_data: { ok: true } }
            : { lease_token: robot.lease_token, error_category: 'VALIDATION', error_message: 'bad input' };
        expect((await call('POST', `/api/v1/executions/${robot.execute_id}/${outcome}`, body)).status).toBe(200);
      }
      return claimed.body.map((robot) => robot.robot_id);
    },
  };
}

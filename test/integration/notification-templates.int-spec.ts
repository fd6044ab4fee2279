import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventType } from '../../src/core/events/event-catalogue.js';
import {
  NOTIFICATION_RENDERER,
  type NotificationRenderer,
} from '../../src/notification/channels/notification-channel.js';
import { sampleEvent } from '../../src/notification/templates/sample-events.js';
import { eventually } from '../support/eventually.js';
import { http, startApp, type TestApp } from '../support/test-app.js';

const CACHE_MS = 400;
const ENV = {
  DATABASE_URL: process.env.TEST_DATABASE_URL,
  REDIS_URL: process.env.TEST_REDIS_URL,
  CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_templates`,
  NOTIFY_TEMPLATE_CACHE_MS: String(CACHE_MS),
};
const PATH = '/api/v1/notifications/templates/robot.failed/sms/es';

describe('notification templates on two instances (PostgreSQL)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startApp(ENV);
    b = await startApp(ENV);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const smsText = async (app: TestApp) =>
    (
      await app.app
        .get<NotificationRenderer>(NOTIFICATION_RENDERER)
        .render('sms', 'es', [sampleEvent(EventType.RobotFailed)])
    ).text;
  const send = (app: TestApp, method: string, body?: unknown) =>
    http(`${app.url}${PATH}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('an override saved on one instance is used there at once and on the other within NOTIFY_TEMPLATE_CACHE_MS', async () => {
    const shipped = 'botfleet: robot LEGAL_1795310000000_42 FALLÓ (EXTERNAL_API).';
    expect(await smsText(a)).toBe(shipped);
    expect(
      (await send(b, 'PUT', { subject: 'x', body_text: 'Fallo {{robot_id}}: {{data.error_category}}' })).status,
    ).toBe(200);
    const saved = 'Fallo LEGAL_1795310000000_42: EXTERNAL_API';
    expect(await smsText(b)).toBe(saved);
    const started = Date.now();
    expect(
      await eventually(
        () => smsText(a),
        (text) => text === saved,
        5_000,
      ),
    ).toBe(saved);
    expect(Date.now() - started).toBeLessThan(CACHE_MS + 1_000);

    expect((await send(a, 'DELETE')).status).toBe(200);
    expect(await smsText(a)).toBe(shipped);
    expect(
      await eventually(
        () => smsText(b),
        (text) => text === shipped,
        5_000,
      ),
    ).toBe(shipped);
  });

  it('refuses an invalid template on PostgreSQL too, storing nothing', async () => {
    const res = await send(a, 'PUT', { subject: 'x', body_text: '{{data.processing_time_ms}}' });
    expect(res.status).toBe(422);
    expect((res.body as { code: string }).code).toBe('TEMPLATE_INVALID');
    expect((await a.db.query('SELECT 1 FROM notification_templates')).rowCount).toBe(0);
  });
});

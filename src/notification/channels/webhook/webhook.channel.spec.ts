import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../../core/config/app-config.service.js';
import { newWebhookSecret } from '../../../../test/factories/notification.factory.js';
import { WebhookReceiver } from '../../../../test/support/webhook-receiver.js';
import type { OutgoingNotification } from '../notification-channel.js';
import { WebhookChannel } from './webhook.channel.js';

const settings = (overrides: Record<string, unknown> = {}) =>
  ({
    get: (key: string) =>
      ({
        NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS: false,
        NOTIFY_WEBHOOK_ALLOWED_HOSTS: '',
        NOTIFY_ENDPOINT_CONCURRENCY: 4,
        ...overrides,
      })[key],
  }) as unknown as AppConfig;

/** The adapter on its own, against a real receiver on 127.0.0.1 verifying with standardwebhooks. */
describe('webhook channel', () => {
  const secret = newWebhookSecret();
  let receiver: WebhookReceiver;
  const channels: WebhookChannel[] = [];
  const channel = (overrides?: Record<string, unknown>) => {
    const made = new WebhookChannel(settings(overrides));
    channels.push(made);
    return made;
  };
  const notification = (target: string, extra: Partial<OutgoingNotification> = {}): OutgoingNotification => ({
    delivery_id: '0b0f6b9e-2f47-4a43-9d1e-3f1f4f1a2b3c',
    attempt: 1,
    event: {
      event_id: 7,
      type: 'robot.completed',
      version: 1,
      timestamp: new Date('2026-12-02T10:00:00.000Z'),
      robot_id: 'LEG_1',
      module_name: 'Legal',
      data: { robot_id: 'LEG_1', processing_time_ms: 5 },
    },
    subscription: { subscription_id: 's', channel: 'webhook', target, locale: 'en', secrets: [secret] },
    timeout_ms: 2_000,
    signal: new AbortController().signal,
    ...extra,
  });

  beforeAll(async () => {
    receiver = await WebhookReceiver.start([secret]);
  });
  afterAll(async () => {
    await Promise.all(channels.map((c) => c.onApplicationShutdown()));
    await receiver.close();
  });

  it.each([
    ['127.0.0.1', (r: WebhookReceiver) => r.url('/literal')],
    ['[::1]', (r: WebhookReceiver) => `http://[::1]:${r.port}/literal6`],
    ['localhost', (r: WebhookReceiver) => r.url('/named', 'localhost')],
    ['0.0.0.0', (r: WebhookReceiver) => `http://0.0.0.0:${r.port}/zero`],
    ['::ffff:127.0.0.1', (r: WebhookReceiver) => `http://[::ffff:127.0.0.1]:${r.port}/mapped`],
  ])('refuses %s when private networks are not allowed: permanent, nothing sent', async (_host, url) => {
    const outcome = await channel().send(notification(url(receiver)));
    expect(outcome).toMatchObject({ ok: false, permanent: true, error: expect.stringMatching(/^refused by policy: /) });
    expect(receiver.received).toEqual([]);
    expect(receiver.rejected).toEqual([]);
  });

  it('sends to an allow-listed host, and to anything with private networks allowed', async () => {
    expect(
      await channel({ NOTIFY_WEBHOOK_ALLOWED_HOSTS: 'localhost' }).send(notification(receiver.url('/a', 'localhost'))),
    ).toEqual({
      ok: true,
      status: 200,
    });
    expect(
      await channel({ NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS: true }).send(notification(receiver.url('/b'))),
    ).toEqual({
      ok: true,
      status: 200,
    });
    expect(receiver.received.map((r) => [r.path, r.id, r.body])).toEqual([
      ['/a', '0b0f6b9e-2f47-4a43-9d1e-3f1f4f1a2b3c', expect.any(String)],
      ['/b', '0b0f6b9e-2f47-4a43-9d1e-3f1f4f1a2b3c', expect.any(String)],
    ]);
    expect(JSON.parse(receiver.received[0].body)).toEqual({
      type: 'robot.completed',
      timestamp: '2026-12-02T10:00:00.000Z',
      data: { robot_id: 'LEG_1', processing_time_ms: 5 },
    });
  });

  it('maps answers: 3xx is a failure (not followed), 410 disables, 429/503 carry Retry-After, a big answer is cut', async () => {
    const open = channel({ NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS: true });
    receiver.script('/moved', { status: 301, headers: { location: receiver.url('/elsewhere') } });
    receiver.script('/gone', { status: 410 });
    receiver.script('/limited', { status: 429, headers: { 'retry-after': '3' } });
    receiver.script('/unavailable', { status: 503, headers: { 'retry-after': 'soon' } });
    receiver.script('/huge', { status: 200, body: 'x'.repeat(1_000_000) });
    expect(await open.send(notification(receiver.url('/moved')))).toEqual({
      ok: false,
      status: 301,
      error: 'HTTP 301: redirects are not followed',
    });
    expect(receiver.at('/elsewhere')).toEqual([]);
    expect(await open.send(notification(receiver.url('/gone')))).toMatchObject({
      ok: false,
      status: 410,
      disableSubscription: true,
    });
    expect(await open.send(notification(receiver.url('/limited')))).toEqual({
      ok: false,
      status: 429,
      error: 'HTTP 429',
      retryAfterMs: 3_000,
    });
    expect(await open.send(notification(receiver.url('/unavailable')))).toEqual({
      ok: false,
      status: 503,
      error: 'HTTP 503',
    });
    expect(await open.send(notification(receiver.url('/huge')))).toEqual({ ok: true, status: 200 });
  });

  it('fails on timeout and on a refused connection, naming neither path nor query', async () => {
    const open = channel({ NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS: true });
    receiver.script('/hang', 'hang');
    expect(await open.send(notification(receiver.url('/hang?token=abc'), { timeout_ms: 200 }))).toEqual({
      ok: false,
      error: 'no answer within 200 ms',
    });
    const closed = await WebhookReceiver.start([]);
    const url = closed.url('/x?token=abc');
    await closed.close();
    const refused = await open.send(notification(url));
    expect(refused).toEqual({ ok: false, error: 'connection failed: ECONNREFUSED' });
  });

  it('validates targets: URL shape, scheme, credentials, literal internal addresses', () => {
    const strict = channel();
    expect(strict.validateTarget('https://hooks.example.com/in?x=1')).toBeNull();
    expect(strict.validateTarget('not a url')).toMatch(/absolute http/);
    expect(strict.validateTarget('ftp://example.com/')).toMatch(/http:\/\/ or https:\/\//);
    expect(strict.validateTarget('https://user:pw@example.com/')).toMatch(/no user name or password/);
    expect(strict.validateTarget(`https://example.com/${'a'.repeat(2_100)}`)).toMatch(/at most 2048/);
    expect(strict.validateTarget('http://169.254.169.254/latest/meta-data')).toMatch(/^refused: /);
    expect(strict.validateTarget('http://[fd00::1]/')).toMatch(/^refused: /);
    expect(strict.validateTarget('http://localhost:8080/')).toMatch(/loopback/);
    expect(channel({ NOTIFY_WEBHOOK_ALLOWED_HOSTS: 'localhost' }).validateTarget('http://localhost:8080/')).toBeNull();
    expect(channel({ NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS: true }).validateTarget('http://10.0.0.5/')).toBeNull();
  });
});

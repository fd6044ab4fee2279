import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { api, subscribe, workerFor } from '../support/notifications.js';
import { SMTP_PASSWORD, SMTP_USER, smtpServer } from '../support/smtp-server.js';
import { startApp, type TestApp } from '../support/test-app.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * The whole chain as a user meets it, nothing written by hand: subscriptions made over the API,
 * robots finished by a remote worker, then the outbox, the fan-out, the dispatcher and the real
 * channels: a webhook receiver verifying with the standardwebhooks library and the secret the API
 * showed once, a Spanish email through an SMTP server, and the in-app inbox.
 */
describe('notifications, end to end (PGlite)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start([]);
    smtp = await smtpServer();
    t = await startApp({
      NOTIFY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${smtp.port}`,
    });
  });
  afterAll(async () => {
    await t?.close();
    await receiver.close();
    await new Promise<void>((done) => smtp.server.close(() => done()));
  });

  it('turns a completed and a failed robot into a verified webhook, a Spanish email and an inbox entry', async () => {
    const hook = await subscribe(t, {
      channel: 'webhook',
      target: receiver.url('/hooks/botfleet'),
      event_types: ['robot.completed', 'robot.failed'],
      filter: { robot_type: 'journey_check' },
    });
    expect(hook.secret).toMatch(/^whsec_/);
    receiver.secrets = [hook.secret as string];
    await subscribe(t, { channel: 'email', target: 'ops@example.com', event_types: ['robot.failed'], locale: 'es' });
    await subscribe(t, { channel: 'in_app', target: 'journey-team', event_types: ['robot.*'] });

    const worker = await workerFor(t, 'journey_check');
    const done = await worker.create();
    await worker.finishAll('complete');
    const failed = await worker.create();
    await worker.finishAll('fail');

    const hooks = await eventually(
      () => Promise.resolve(receiver.at('/hooks/botfleet')),
      (got) => got.length >= 2,
      15_000,
    );
    expect(receiver.rejected).toEqual([]);
    expect(hooks.map((h) => [h.payload.type, h.payload.data.robot_id])).toEqual([
      ['robot.completed', done.robot_id],
      ['robot.failed', failed.robot_id],
    ]);
    expect(hooks.every((h) => h.verifiedWith.length === 1)).toBe(true);

    const mails = await eventually(
      () => Promise.resolve(smtp.inbox),
      (got) => got.length >= 1,
      15_000,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['ops@example.com']);
    expect(mails[0].mail.text).toContain(failed.robot_id);
    expect(mails[0].mail.html).toContain(failed.robot_id);
    expect(mails[0].mail.subject).toMatch(/falló/);

    const inbox = await eventually(
      () =>
        api(t)<{ items: Array<{ event_type: string }>; unread_count: number }>(
          'GET',
          '/api/v1/notifications/inbox?audience=journey-team',
        ),
      (res) => res.body.unread_count >= 4,
      15_000,
    );
    // created, started... of both robots: at least their created and terminal events.
    const types = inbox.body.items.map((item) => item.event_type);
    expect(types).toEqual(expect.arrayContaining(['robot.created', 'robot.completed', 'robot.failed']));

    // The delivery log says the same.
    const log = await api(t)<{ items: Array<{ state: string; channel: string }> }>(
      'GET',
      '/api/v1/notifications/deliveries?channel=webhook',
    );
    expect(log.body.items.filter((d) => d.state === 'SENT')).toHaveLength(2);
  });
});

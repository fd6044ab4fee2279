import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventType } from '../../src/core/events/event-catalogue.js';
import { EmailChannel } from '../../src/notification/channels/email/email.channel.js';
import type { DeliveryOutcome } from '../../src/notification/channels/notification-channel.js';
import { segmentCount } from '../../src/notification/channels/sms/sms-segments.js';
import { SmsChannel } from '../../src/notification/channels/sms/sms.channel.js';
import { sampleEvent } from '../../src/notification/templates/sample-events.js';
import { outgoing } from '../support/notification-builders.js';
import { SMTP_PASSWORD, SMTP_USER, smtpServer } from '../support/smtp-server.js';
import { http, startApp, tempDir, type TestApp } from '../support/test-app.js';

const SMS_SID = 'AC0123456789abcdef0123456789abcdef';
const SMS_TOKEN = 'twilio-auth-token-0123456789';
const SMS_FROM = '+15005550006';

interface TwilioCall {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
}

/** Answers as Twilio's Messages API does, by the `To` number; records every request. */
async function twilioServer(): Promise<{ server: Server; port: number; calls: TwilioCall[] }> {
  const calls: TwilioCall[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        form,
      });
      const json = (status: number, payload: object, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
      const to = form.get('To');
      if (to === '+15005550001') {
        return json(400, {
          code: 21211,
          message: `The 'To' number ${to} is not a valid phone number.`,
          more_info: 'https://www.twilio.com/docs/errors/21211',
          status: 400,
        });
      }
      if (to === '+15005550009')
        return json(429, { code: 20429, message: 'Too Many Requests', status: 429 }, { 'retry-after': '2' });
      if (to === '+15005550500') return json(500, { code: 20500, message: 'Internal Server Error', status: 500 });
      if (to === '+15005550777') return; // hangs: never answers
      return json(201, {
        sid: `SM${'0'.repeat(32)}`,
        status: 'queued',
        to,
        from: form.get('From'),
        body: form.get('Body'),
      });
    });
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  return { server, port, calls };
}

describe('email and SMS channels against real servers (PGlite)', () => {
  const dir = tempDir();
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let twilio: Awaited<ReturnType<typeof twilioServer>>;
  const outcomes: DeliveryOutcome[] = [];

  beforeAll(async () => {
    smtp = await smtpServer();
    twilio = await twilioServer();
    t = await startApp({
      DATA_DIR: dir.path,
      SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'botfleet <alerts@botfleet.example>',
      SMTP_POOL_SIZE: '2',
      SMS_BASE_URL: `http://127.0.0.1:${twilio.port}`,
      SMS_ACCOUNT_SID: SMS_SID,
      SMS_AUTH_TOKEN: SMS_TOKEN,
      SMS_FROM,
    });
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => smtp.server.close(() => resolve(undefined)));
    twilio.server.closeAllConnections();
    await new Promise((resolve) => twilio.server.close(resolve));
    dir.remove();
    // No outcome, stored on deliveries and shown over the API, carries a credential.
    const text = JSON.stringify(outcomes);
    for (const secret of [SMTP_PASSWORD, encodeURIComponent(SMTP_PASSWORD), SMS_TOKEN])
      expect(text).not.toContain(secret);
  });

  const email = async (...args: Parameters<typeof outgoing>) => {
    const outcome = await t.app.get(EmailChannel).send(outgoing(...args));
    outcomes.push(outcome);
    return outcome;
  };
  const sms = async (...args: Parameters<typeof outgoing>) => {
    const outcome = await t.app.get(SmsChannel).send(outgoing(...args));
    outcomes.push(outcome);
    return outcome;
  };
  const lastMail = () => smtp.inbox.at(-1)!;

  describe('email', () => {
    it('sends the English default as text and HTML parts of one message', async () => {
      const notification = outgoing('email', 'ops@example.com', 'en', [sampleEvent(EventType.RobotCompleted)]);
      expect(await t.app.get(EmailChannel).send(notification)).toEqual({ ok: true });
      const { mail, raw, from, to } = lastMail();
      expect({ from, to }).toEqual({ from: 'alerts@botfleet.example', to: ['ops@example.com'] });
      expect(mail.subject).toBe('Robot LEGAL_1795310000000_42 completed');
      expect(mail.text).toContain('Robot LEGAL_1795310000000_42 finished well in 12.8 s on LegalReviewModule.');
      expect(mail.html).toContain('<h2 style="font-size: 18px">Robot LEGAL_1795310000000_42 completed</h2>');
      expect(mail.html).toContain('<html lang="en">');
      expect(mail.messageId).toBe(`<${notification.delivery_id}@botfleet>`);
      expect(mail.headers.get('x-botfleet-event')).toBe('robot.completed');
      expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
      expect(raw).toMatch(/Content-Type: text\/plain/i);
      expect(raw).toMatch(/Content-Type: text\/html/i);
    });

    it('sends a Spanish override saved over the API, its accented subject encoded and decoded', async () => {
      const saved = await http(`${t.url}/api/v1/notifications/templates/robot.failed/email/es`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subject: '¡Atención! El robot {{robot_id}} falló',
          body_text: 'Categoría: {{data.error_category}}. Reintentos: {{data.retry_count}}.',
          body_html: '<p>Categoría: <b>{{data.error_category}}</b></p>',
        }),
      });
      expect(saved.status).toBe(200);
      expect(await email('email', 'equipo@example.com', 'es', [sampleEvent(EventType.RobotFailed)])).toEqual({
        ok: true,
      });
      const { mail, raw } = lastMail();
      expect(mail.subject).toBe('¡Atención! El robot LEGAL_1795310000000_42 falló');
      expect(raw).toMatch(/^Subject: =\?UTF-8\?/m); // encoded on the wire
      expect(mail.text).toBe('Categoría: EXTERNAL_API. Reintentos: 3.');
      expect(mail.html).toBe('<p>Categoría: <b>EXTERNAL_API</b></p>');
    });

    it('sends a digest of several events as one message, in Spanish', async () => {
      const events = [
        sampleEvent(EventType.RobotCompleted, undefined, 2001),
        sampleEvent(EventType.ModuleHealthChanged, undefined, 2002),
        sampleEvent(EventType.AlertResolved, undefined, 2003),
      ];
      expect(await email('email', 'ops@example.com', 'es', events)).toEqual({ ok: true });
      const { mail } = lastMail();
      expect(mail.subject).toBe('botfleet: 3 notificaciones');
      expect(mail.text).toContain('Ocurrieron 3 eventos:');
      expect(mail.text).toContain('- 10:00:00 UTC Robot LEGAL_1795310000000_42 completado');
      expect(mail.text).toContain('- 10:00:00 UTC El módulo LegalReviewModule está DEGRADED');
      expect(mail.text).toContain('- 10:00:00 UTC Resuelta: response_time (api)');
      expect(mail.html).toContain('<li>10:00:00 UTC Resuelta: response_time (api)</li>');
      expect(mail.headers.get('x-botfleet-event')).toBe('digest');
    });

    it('escapes event data in the HTML part, not in the text part', async () => {
      const event = sampleEvent(EventType.RobotCancelled, { from: 'PENDING', reason: '<img src=x onerror=alert(1)>' });
      expect(await email('email', 'ops@example.com', 'en', [event])).toEqual({ ok: true });
      const { mail } = lastMail();
      expect(mail.text).toContain('cancelled while PENDING: <img src=x onerror=alert(1)>.');
      expect(mail.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(mail.html).not.toContain('<img');
    });

    it('maps a 5xx recipient refusal to permanent and a 4xx to a retry, without credentials', async () => {
      const bounced = await email('email', 'bounce@example.com', 'en', [sampleEvent(EventType.RobotFailed)]);
      expect(bounced).toMatchObject({ ok: false, permanent: true, status: 550 });
      expect(bounced.ok === false && bounced.error).toMatch(/^SMTP 550 at RCPT TO: .*No such mailbox/);
      const busy = await email('email', 'busy@example.com', 'en', [sampleEvent(EventType.RobotFailed)]);
      expect(busy).toMatchObject({ ok: false, permanent: false, status: 450 });
    });

    it('checks targets strictly', () => {
      const channel = t.app.get(EmailChannel);
      expect(channel.validateTarget('ops.team+alerts@mail.example.com')).toBeNull();
      for (const bad of [
        'ops',
        'Ops <ops@example.com>',
        'ops@example.com, x@example.com',
        'ops@localhost',
        'a@b@example.com',
        'ops@example.com\r\nBcc: x@example.com',
        'ops@[127.0.0.1]',
        'ops@1.2.3.4',
        '.ops@example.com',
      ])
        expect({ bad, problem: channel.validateTarget(bad) }).toEqual({ bad, problem: expect.any(String) });
    });
  });

  describe('SMS', () => {
    it('posts the Twilio Messages API request: path, basic auth, form fields', async () => {
      expect(await sms('sms', '+34600111222', 'en', [sampleEvent(EventType.RobotFailed)])).toEqual({
        ok: true,
        status: 201,
      });
      const call = twilio.calls.at(-1)!;
      expect(call.method).toBe('POST');
      expect(call.path).toBe(`/2010-04-01/Accounts/${SMS_SID}/Messages.json`);
      expect(call.authorization).toBe(`Basic ${Buffer.from(`${SMS_SID}:${SMS_TOKEN}`).toString('base64')}`);
      expect(call.contentType).toBe('application/x-www-form-urlencoded');
      expect(Object.fromEntries(call.form)).toEqual({
        To: '+34600111222',
        From: SMS_FROM,
        Body: 'botfleet: robot LEGAL_1795310000000_42 FAILED (EXTERNAL_API).',
      });
    });

    it('cuts a long digest to 3 segments at a character boundary', async () => {
      const events = Array.from({ length: 20 }, (_, i) => sampleEvent(EventType.RobotFailed, undefined, 3000 + i));
      expect(await sms('sms', '+34600111222', 'es', events)).toEqual({ ok: true, status: 201 });
      const body = twilio.calls.at(-1)!.form.get('Body')!;
      expect(body.startsWith('botfleet: 20 eventos: Robot LEGAL_1795310000000_42 falló; ')).toBe(true);
      expect(body.endsWith('…')).toBe(true); // ó makes it UCS-2
      expect(body.length).toBeLessThanOrEqual(3 * 67);
      expect(segmentCount(body)).toBe(3);
    });

    it('maps 400 (invalid number) to permanent, 429 to Retry-After, 5xx and hangs to retries', async () => {
      const invalid = await sms('sms', '+15005550001', 'en', [sampleEvent(EventType.RobotFailed)]);
      expect(invalid).toEqual({
        ok: false,
        status: 400,
        permanent: true,
        error: "SMS gateway 400 (error 21211): The 'To' number +15005550001 is not a valid phone number.",
      });
      const limited = await sms('sms', '+15005550009', 'en', [sampleEvent(EventType.RobotFailed)]);
      expect(limited).toMatchObject({ ok: false, status: 429, retryAfterMs: 2_000 });
      expect(limited).not.toHaveProperty('permanent', true);
      expect(await sms('sms', '+15005550500', 'en', [sampleEvent(EventType.RobotFailed)])).toMatchObject({
        ok: false,
        status: 500,
        permanent: false,
      });
      const hung = await sms('sms', '+15005550777', 'en', [sampleEvent(EventType.RobotFailed)], 300);
      expect(hung).toEqual({ ok: false, error: 'SMS gateway timed out after 300 ms' });
    });

    it('accepts E.164 targets only', () => {
      const channel = t.app.get(SmsChannel);
      expect(channel.validateTarget('+34600111222')).toBeNull();
      expect(channel.validateTarget('600111222')).toMatch(/E\.164/);
      expect(channel.validateTarget('+34 600 111 222')).toMatch(/E\.164/);
    });
  });
});

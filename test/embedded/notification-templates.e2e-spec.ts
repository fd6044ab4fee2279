import { describe, expect, it } from '@jest/globals';
import { EventType } from '../../src/core/events/event-catalogue.js';
import {
  NOTIFICATION_LOCALES,
  NOTIFICATION_RENDERER,
  type NotificationRenderer,
} from '../../src/notification/channels/notification-channel.js';
import { RENDERED_CHANNELS } from '../../src/notification/templates/defaults/index.js';
import { sampleEvent } from '../../src/notification/templates/sample-events.js';
import { TEMPLATE_EVENT_TYPES } from '../../src/notification/templates/template-context.js';
import { http, type HttpResult, TEST_ADMIN_KEY, useTestApp } from '../support/test-app.js';

interface Template {
  event_type: string;
  channel: string;
  locale: string;
  source: 'default' | 'override';
  subject: string;
  body_text: string;
  body_html: string | null;
  updated_by: string | null;
  updated_at: string | null;
}
type Problem = { status: number; code: string; detail: string; errors?: string[] };
type Rendered = { subject: string; text: string; html: string | null };

const BASE = '/api/v1/notifications/templates';
const ADMIN_KEY_ID = `key_${TEST_ADMIN_KEY.slice(3, 11)}`;
const SPANISH = {
  subject: 'Robot {{robot_id}} completado: ¡éxito!',
  body_text: 'Terminó en {{duration data.processing_time_ms}} ({{formatDate event.timestamp "date"}}).',
  body_html: '<p>Terminó en <b>{{duration data.processing_time_ms}}</b></p>',
};

describe('notification templates API (PGlite)', () => {
  const t = useTestApp();
  const call = <T = Template>(method: string, path: string, body?: unknown, key?: string): Promise<HttpResult<T>> =>
    http<T>(`${t.url}${BASE}${path}`, {
      method,
      key,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const renderer = () => t.app.get<NotificationRenderer>(NOTIFICATION_RENDERER);
  const count = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notification_templates')).rows[0].n;

  it('lists every (event type, channel, locale) with its shipped default', async () => {
    const res = await call<Template[]>('GET', '');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(TEMPLATE_EVENT_TYPES.length * RENDERED_CHANNELS.length * NOTIFICATION_LOCALES.length);
    expect(res.body.every((item) => item.source === 'default')).toBe(true);
    const es = res.body.find((i) => i.event_type === 'robot.failed' && i.channel === 'email' && i.locale === 'es')!;
    expect(es).toMatchObject({ subject: 'Robot {{robot_id}} falló', updated_at: null });
    expect(es.body_html).toContain('<html lang="es">');
    const filtered = await call<Template[]>('GET', '?channel=sms&locale=en');
    expect(filtered.body).toHaveLength(TEMPLATE_EVENT_TYPES.length);
    expect((await call<Problem>('GET', '?channel=webhook')).body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
  });

  it('saves a Spanish override, serves it, and renders with it at once', async () => {
    const saved = await call('PUT', '/robot.completed/email/es', SPANISH);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...SPANISH, source: 'override', updated_by: ADMIN_KEY_ID });
    expect((await call('GET', '/robot.completed/email/es')).body).toMatchObject({ source: 'override', ...SPANISH });
    expect((await call<Template[]>('GET', '?source=override')).body.map((i) => i.event_type)).toEqual([
      'robot.completed',
    ]);
    const message = await renderer().render('email', 'es', [sampleEvent(EventType.RobotCompleted)]);
    expect(message).toEqual({
      subject: 'Robot LEGAL_1795310000000_42 completado: ¡éxito!',
      text: 'Terminó en 12,8 s (22 de noviembre de 2026).',
      html: '<p>Terminó en <b>12,8 s</b></p>',
    });
    // English still renders from the shipped default.
    expect((await renderer().render('email', 'en', [sampleEvent(EventType.RobotCompleted)])).subject).toBe(
      'Robot LEGAL_1795310000000_42 completed',
    );
  });

  it('refuses a field the event does not have with 422 naming it and its line, storing nothing', async () => {
    const before = await count();
    const res = await call<Problem>('PUT', '/robot.completed/email/es', {
      subject: 'ok',
      body_text: 'line one\n{{data.error_category}}',
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('TEMPLATE_INVALID');
    expect(res.body.detail).toContain('body_text, line 2: unknown field data.error_category');
    expect(res.body.errors).toEqual([expect.stringContaining('data.processing_time_ms')]);
    expect(await count()).toBe(before);
    expect((await call('GET', '/robot.completed/email/es')).body.subject).toBe(SPANISH.subject);
  });

  it('refuses templates that do not compile, unknown helpers and unescaped HTML', async () => {
    const syntax = await call<Problem>('PUT', '/robot.failed/sms/en', { subject: '{{#if robot_id}}', body_text: 'x' });
    expect(syntax.status).toBe(422);
    expect(syntax.body.detail).toMatch(/subject: does not compile: Parse error on line 1/);
    const helper = await call<Problem>('PUT', '/robot.failed/in_app/en', {
      subject: '{{upper robot_id}}',
      body_text: 'x',
    });
    expect(helper.body.detail).toContain('unknown helper upper');
    const html = await call<Problem>('PUT', '/robot.failed/email/en', {
      subject: 'x',
      body_text: 'x',
      body_html: '{{{data.error_category}}}',
    });
    expect(html.body.errors).toEqual([expect.stringContaining('body_html, line 1: unescaped output')]);
    const smsHtml = await call<Problem>('PUT', '/robot.failed/sms/en', {
      subject: 'x',
      body_text: 'x',
      body_html: '<b>x</b>',
    });
    expect(smsHtml.status).toBe(422);
  });

  it('refuses bad keys and bodies with 400', async () => {
    const cases: Array<[string, unknown]> = [
      ['/robot.completed/webhook/en', { subject: 'x', body_text: 'x' }],
      ['/robot.exploded/email/en', { subject: 'x', body_text: 'x' }],
      ['/robot.completed/email/fr', { subject: 'x', body_text: 'x' }],
      ['/robot.completed/email/en', { subject: '', body_text: 'x' }],
      ['/robot.completed/email/en', { subject: 'x', body_text: 'x', extra: 1 }],
      ['/robot.completed/email/en', { subject: 'x', body_text: 'x'.repeat(20_001) }],
      ['/robot.completed/email/en', { subject: 'x', body_text: 42 }],
    ];
    for (const [path, body] of cases) {
      const res = await call<Problem>('PUT', path, body);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const channel = await call<Problem>('PUT', '/robot.completed/webhook/en', { subject: 'x', body_text: 'x' });
    expect(JSON.stringify(channel.body)).toContain('webhook bodies are not templated');
  });

  it('previews a template with a sample event, with given data, and a digest', async () => {
    const sample = await call<Rendered>('POST', '/preview', {
      ...SPANISH,
      event_type: 'robot.completed',
      channel: 'email',
      locale: 'es',
    });
    expect(sample.status).toBe(200);
    expect(sample.body).toEqual({
      subject: 'Robot LEGAL_1795310000000_42 completado: ¡éxito!',
      text: 'Terminó en 12,8 s (22 de noviembre de 2026).',
      html: '<p>Terminó en <b>12,8 s</b></p>',
    });
    const given = await call<Rendered>('POST', '/preview', {
      subject: 'Cancelled: {{data.reason}}',
      body_text: '{{data.reason}}',
      body_html: '<p>{{data.reason}}</p>',
      event_type: 'robot.cancelled',
      channel: 'email',
      locale: 'en',
      data: { from: 'PENDING', reason: '<script>alert(1)</script>' },
    });
    expect(given.body).toEqual({
      subject: 'Cancelled: <script>alert(1)</script>',
      text: '<script>alert(1)</script>',
      html: '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    });
    const digest = await call<Rendered>('POST', '/preview', {
      subject: '{{count}} eventos',
      body_text: '{{#each events}}{{@index}}. {{line}}\n{{/each}}',
      event_type: 'digest',
      channel: 'in_app',
      locale: 'es',
    });
    expect(digest.body).toEqual({
      subject: '3 eventos',
      // Each line is the event's in-app title (the override above is for email only).
      text: [
        '0. Robot LEGAL_1795310000000_42 completado',
        '1. Robot LEGAL_1795310000000_42 falló',
        '2. [WARNING] response_time: api',
      ].join('\n'),
      html: null,
    });
    const sms = await call<Rendered>('POST', '/preview', {
      subject: 'x',
      body_text: '{{percent data.progress_percentage}} {{data.current_step}} '.repeat(40),
      event_type: 'robot.progress',
      channel: 'sms',
      locale: 'es',
    });
    // As it would be sent: Intl's no-break space made plain, cut to 3 GSM-7 segments.
    expect(sms.body.text.startsWith('40 % extract_fields 40 % ')).toBe(true);
    expect(sms.body.text.endsWith('...')).toBe(true);
    expect(sms.body.text.length).toBeLessThanOrEqual(459);
    const refused = await call<Problem>('POST', '/preview', {
      subject: '{{data.nope}}',
      body_text: 'x',
      event_type: 'alert.fired',
      channel: 'sms',
      locale: 'en',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('unknown field data.nope');
  });

  it('renders several events as a digest and a `*` override for a type without its own template', async () => {
    const events = [sampleEvent(EventType.RobotFailed), sampleEvent(EventType.AlertFired, undefined, 1043)];
    const digest = await renderer().render('email', 'en', events);
    expect(digest.subject).toBe('botfleet: 2 notifications');
    expect(digest.text).toContain('- 10:00:00 AM UTC Robot LEGAL_1795310000000_42 failed');
    expect(digest.html).toContain('<li>10:00:00 AM UTC [WARNING] response_time: api</li>');

    const generic = await call('PUT', `/${encodeURIComponent('*')}/in_app/en`, {
      subject: 'Something happened: {{event.type}}',
      body_text: '{{#if robot_id}}robot {{robot_id}}{{/if}}',
    });
    expect(generic.status).toBe(200);
    const unknown = { ...sampleEvent(EventType.RobotFailed), type: 'robot.teleported' };
    expect(await renderer().render('in_app', 'en', [unknown])).toEqual({
      subject: 'Something happened: robot.teleported',
      text: 'robot LEGAL_1795310000000_42',
    });
    // A type with its own shipped template keeps it.
    expect((await renderer().render('in_app', 'en', [sampleEvent(EventType.RobotFailed)])).subject).toBe(
      'Robot LEGAL_1795310000000_42 failed',
    );
  });

  it('drops an override with DELETE, answering the default now in effect; 404 when there is none', async () => {
    const res = await call('DELETE', '/robot.completed/email/es');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'default', subject: 'Robot {{robot_id}} completado', updated_by: null });
    expect((await call('GET', '/robot.completed/email/es')).body.source).toBe('default');
    expect((await renderer().render('email', 'es', [sampleEvent(EventType.RobotCompleted)])).subject).toBe(
      'Robot LEGAL_1795310000000_42 completado',
    );
    const again = await call<Problem>('DELETE', '/robot.completed/email/es');
    expect(again.body).toMatchObject({ status: 404, code: 'TEMPLATE_OVERRIDE_NOT_FOUND' });
  });

  it('lets notifications:read list and preview but not save', async () => {
    const issued = await http<{ api_key: string }>(`${t.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'template reader', scopes: ['notifications:read'] }),
    });
    const reader = issued.body.api_key;
    expect((await call('GET', '/alert.fired/sms/es', undefined, reader)).status).toBe(200);
    const put = await call<Problem>('PUT', '/alert.fired/sms/es', { subject: 'x', body_text: 'x' }, reader);
    expect(put.body).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
    expect((await call<Problem>('DELETE', '/alert.fired/sms/es', undefined, reader)).status).toBe(403);
  });
});

import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { SecretBox } from '../../src/security/secret-box.js';
import { api, type Problem, SUBSCRIPTIONS, subscribe, type Subscription } from '../support/notifications.js';
import { useTestApp } from '../support/test-app.js';

const WEBHOOK = { channel: 'webhook', target: 'https://hooks.example.com/botfleet', event_types: ['robot.completed'] };

describe('the subscriptions API', () => {
  const t = useTestApp({ NOTIFY_ADMIN_EMAIL: 'Admin@Example.COM' });
  const call = api(t);

  it('creates a webhook subscription and shows its whsec_ secret once, sealed at rest', async () => {
    const created = await subscribe(t, { ...WEBHOOK, name: 'ops', filter: { robot_type: 'legal_review' } });
    expect(created).toMatchObject({
      channel: 'webhook',
      target: 'https://hooks.example.com/botfleet',
      event_types: ['robot.completed'],
      filter: { robot_type: 'legal_review' },
      locale: 'en',
      status: 'ACTIVE',
      has_secret: true,
      secret_rotating_until: null,
      system: false,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // The library our users verify with accepts it as a signing secret.
    const signed = new Webhook(created.secret!).sign('msg_1', new Date(), '{}');
    expect(
      new Webhook(created.secret!).verify('{}', {
        'webhook-id': 'msg_1',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': signed,
      }),
    ).toEqual({});

    const stored = await t.db.query<{ secret_ciphertext: string }>(
      'SELECT secret_ciphertext FROM notification_subscriptions WHERE subscription_id = $1',
      [created.subscription_id],
    );
    expect(stored.rows[0].secret_ciphertext).not.toContain(created.secret!.slice(6));
    expect(t.app.get(SecretBox).open(stored.rows[0].secret_ciphertext)).toBe(created.secret);

    const read = await call<Subscription>('GET', `${SUBSCRIPTIONS}/${created.subscription_id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    expect(JSON.stringify(read.body)).not.toContain(created.secret!.slice(6));
    const listed = await call<{ items: Subscription[] }>('GET', `${SUBSCRIPTIONS}?channel=webhook`);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret!.slice(6));
  });

  it('creates email, sms and in_app subscriptions without a secret, normalising the target', async () => {
    const email = await subscribe(t, {
      channel: 'email',
      target: 'Ops.Team+bots@Example.ORG',
      event_types: ['alert.*'],
      locale: 'es',
      digest_seconds: 60,
    });
    expect(email).toMatchObject({
      target: 'Ops.Team+bots@example.org',
      has_secret: false,
      secret: null,
      digest_seconds: 60,
    });
    expect(
      (await subscribe(t, { channel: 'sms', target: '+34600111222', event_types: ['robot.failed'] })).secret,
    ).toBeNull();
    expect(
      (await subscribe(t, { channel: 'in_app', target: 'team:legal', event_types: ['*'], retry_schedule: [0, 1] }))
        .retry_schedule,
    ).toEqual([0, 1]);
  });

  it.each([
    ['an unknown channel', { ...WEBHOOK, channel: 'pager' }, 'VALIDATION_FAILED', /channel/],
    ['a relative URL', { ...WEBHOOK, target: '/hooks' }, 'NOTIFICATION_TARGET_INVALID', /absolute http/],
    ['an ftp URL', { ...WEBHOOK, target: 'ftp://example.com/x' }, 'NOTIFICATION_TARGET_INVALID', /absolute http/],
    [
      'a URL with a password',
      { ...WEBHOOK, target: 'https://u:p@example.com/' },
      'NOTIFICATION_TARGET_INVALID',
      /user name or password/,
    ],
    [
      'a loopback URL',
      { ...WEBHOOK, target: 'http://127.0.0.1:9/x' },
      'NOTIFICATION_TARGET_INVALID',
      /loopback, private/,
    ],
    ['a decimal loopback URL', { ...WEBHOOK, target: 'http://2130706433/' }, 'NOTIFICATION_TARGET_INVALID', /loopback/],
    ['a private URL', { ...WEBHOOK, target: 'http://10.1.2.3/' }, 'NOTIFICATION_TARGET_INVALID', /private/],
    [
      'the metadata address',
      { ...WEBHOOK, target: 'http://169.254.169.254/latest' },
      'NOTIFICATION_TARGET_INVALID',
      /link-local/,
    ],
    ['an IPv6 loopback', { ...WEBHOOK, target: 'http://[::1]:8080/' }, 'NOTIFICATION_TARGET_INVALID', /loopback/],
    ['a mapped IPv4', { ...WEBHOOK, target: 'http://[::ffff:192.168.0.1]/' }, 'NOTIFICATION_TARGET_INVALID', /private/],
    ['localhost', { ...WEBHOOK, target: 'http://localhost:3000/' }, 'NOTIFICATION_TARGET_INVALID', /loopback/],
    [
      'a URL too long',
      { ...WEBHOOK, target: `https://example.com/${'a'.repeat(2048)}` },
      'VALIDATION_FAILED',
      /target/,
    ],
    [
      'a bad email',
      { channel: 'email', target: 'ops@@example.com', event_types: ['*'] },
      'NOTIFICATION_TARGET_INVALID',
      /plain address/,
    ],
    [
      'an email without a domain dot',
      { channel: 'email', target: 'ops@example', event_types: ['*'] },
      'NOTIFICATION_TARGET_INVALID',
      /plain address/,
    ],
    [
      'a bad phone',
      { channel: 'sms', target: '600111222', event_types: ['*'] },
      'NOTIFICATION_TARGET_INVALID',
      /E\.164/,
    ],
    [
      'a bad audience',
      { channel: 'in_app', target: '-ops team', event_types: ['*'] },
      'NOTIFICATION_TARGET_INVALID',
      /audience/,
    ],
    ['no event types', { ...WEBHOOK, event_types: [] }, 'VALIDATION_FAILED', /event_types/],
    [
      'an unknown event type',
      { ...WEBHOOK, event_types: ['robot.completed', 'robot.exploded'] },
      'UNKNOWN_EVENT_TYPE',
      /robot\.exploded/,
    ],
    ['an unknown family', { ...WEBHOOK, event_types: ['nothing.*'] }, 'UNKNOWN_EVENT_TYPE', /nothing\.\*/],
    ['an unknown filter', { ...WEBHOOK, filter: { robot_id: 'X' } }, 'VALIDATION_FAILED', /robot_id should not exist/],
    ['a non-string filter', { ...WEBHOOK, filter: { module_name: 5 } }, 'VALIDATION_FAILED', /module_name/],
    ['a bad priority filter', { ...WEBHOOK, filter: { priority: 'URGENT' } }, 'VALIDATION_FAILED', /priority/],
    ['a bad locale', { ...WEBHOOK, locale: 'fr' }, 'VALIDATION_FAILED', /locale/],
    ['a digest on a webhook', { ...WEBHOOK, digest_seconds: 60 }, 'NOTIFICATION_SETTING_NOT_FOR_CHANNEL', /email/],
    [
      'a digest too short',
      { channel: 'email', target: 'a@b.co', event_types: ['*'], digest_seconds: 5 },
      'VALIDATION_FAILED',
      /digest_seconds/,
    ],
    ['an empty retry schedule', { ...WEBHOOK, retry_schedule: [] }, 'VALIDATION_FAILED', /retry_schedule/],
    ['a long retry schedule', { ...WEBHOOK, retry_schedule: Array(21).fill(1) }, 'VALIDATION_FAILED', /retry_schedule/],
    ['a retry wait over a week', { ...WEBHOOK, retry_schedule: [604_801] }, 'VALIDATION_FAILED', /retry_schedule/],
    ['a fractional retry wait', { ...WEBHOOK, retry_schedule: [1.5] }, 'VALIDATION_FAILED', /retry_schedule/],
    ['a short timeout', { ...WEBHOOK, timeout_ms: 999 }, 'VALIDATION_FAILED', /timeout_ms/],
    ['a long timeout', { ...WEBHOOK, timeout_ms: 60_001 }, 'VALIDATION_FAILED', /timeout_ms/],
    ['a system name', { ...WEBHOOK, name: 'system:mine' }, 'VALIDATION_FAILED', /system:/],
    ['an unknown field', { ...WEBHOOK, secret: 'whsec_x' }, 'VALIDATION_FAILED', /secret should not exist/],
  ])('refuses %s with a 400 and writes nothing', async (_case, body, code, detail) => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notification_subscriptions');
    const res = await call<Problem>('POST', SUBSCRIPTIONS, body);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(`${res.body.detail} ${(res.body.errors ?? []).join(' ')}`).toMatch(detail);
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notification_subscriptions');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses a body that is not JSON, and bad ids', async () => {
    expect((await call<Problem>('POST', SUBSCRIPTIONS, 'not json')).status).toBe(400);
    expect((await call<Problem>('GET', `${SUBSCRIPTIONS}/not-a-uuid`)).body.code).toBe('VALIDATION_FAILED');
    const missing = await call<Problem>('GET', `${SUBSCRIPTIONS}/00000000-0000-4000-8000-000000000000`);
    expect({ status: missing.status, code: missing.body.code }).toEqual({
      status: 404,
      code: 'SUBSCRIPTION_NOT_FOUND',
    });
  });

  it('changes settings with PATCH, checking them as at creation', async () => {
    const created = await subscribe(t, WEBHOOK);
    const path = `${SUBSCRIPTIONS}/${created.subscription_id}`;
    const patched = await call<Subscription>('PATCH', path, {
      event_types: ['robot.*', 'robot.progress'],
      filter: { module_name: 'LegalModule', priority: 'HIGH' },
      locale: 'es',
      retry_schedule: [0, 10],
      timeout_ms: 5000,
      name: 'renamed',
      target: 'https://Hooks.Example.com:8443/v2',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      event_types: ['robot.*', 'robot.progress'],
      filter: { module_name: 'LegalModule', priority: 'HIGH' },
      locale: 'es',
      retry_schedule: [0, 10],
      timeout_ms: 5000,
      name: 'renamed',
      target: 'https://hooks.example.com:8443/v2',
      has_secret: true,
    });
    const cleared = await call<Subscription>('PATCH', path, { retry_schedule: null, timeout_ms: null, name: null });
    expect(cleared.body).toMatchObject({ retry_schedule: null, timeout_ms: null, name: null, locale: 'es' });
    for (const [body, code] of [
      [{ event_types: ['nope'] }, 'UNKNOWN_EVENT_TYPE'],
      [{ event_types: null }, 'VALIDATION_FAILED'],
      [{ target: 'http://192.168.1.1/' }, 'NOTIFICATION_TARGET_INVALID'],
      [{ target: 'ops@example.com' }, 'NOTIFICATION_TARGET_INVALID'],
      [{ digest_seconds: 60 }, 'NOTIFICATION_SETTING_NOT_FOR_CHANNEL'],
      [{ channel: 'email' }, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await call<Problem>('PATCH', path, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code });
    }
    expect((await call<Subscription>('GET', path)).body.target).toBe('https://hooks.example.com:8443/v2');
  });

  it('rotates a webhook secret: shown once, the previous one kept for the overlap', async () => {
    const created = await subscribe(t, WEBHOOK);
    const path = `${SUBSCRIPTIONS}/${created.subscription_id}`;
    const rotated = await call<Subscription>('POST', `${path}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    const until = new Date(rotated.body.secret_rotating_until!).getTime();
    expect(Math.abs(until - (Date.now() + 24 * 3_600_000))).toBeLessThan(60_000);
    const { rows } = await t.db.query<{ secret_ciphertext: string; previous_secret_ciphertext: string }>(
      'SELECT secret_ciphertext, previous_secret_ciphertext FROM notification_subscriptions WHERE subscription_id = $1',
      [created.subscription_id],
    );
    const box = t.app.get(SecretBox);
    expect(box.open(rows[0].secret_ciphertext)).toBe(rotated.body.secret);
    expect(box.open(rows[0].previous_secret_ciphertext)).toBe(created.secret);
    const read = await call<Subscription>('GET', path);
    expect(read.body).toMatchObject({ has_secret: true, secret_rotating_until: rotated.body.secret_rotating_until });
    expect(read.body).not.toHaveProperty('secret');

    const sms = await subscribe(t, { channel: 'sms', target: '+34600111222', event_types: ['*'] });
    const refused = await call<Problem>('POST', `${SUBSCRIPTIONS}/${sms.subscription_id}/rotate-secret`);
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 409,
      code: 'SUBSCRIPTION_HAS_NO_SECRET',
    });
  });

  it('re-enables a DISABLED subscription and clears its failure record', async () => {
    const created = await subscribe(t, WEBHOOK);
    await t.db.query(
      `UPDATE notification_subscriptions SET status = 'DISABLED', disabled_reason = '410 Gone', disabled_at = now(),
              failing_since = now() - interval '6 days' WHERE subscription_id = $1`,
      [created.subscription_id],
    );
    const path = `${SUBSCRIPTIONS}/${created.subscription_id}`;
    expect((await call<Subscription>('GET', path)).body).toMatchObject({
      status: 'DISABLED',
      disabled_reason: '410 Gone',
    });
    const enabled = await call<Subscription>('POST', `${path}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ status: 'ACTIVE', disabled_reason: null, failing_since: null });
    expect((await call<Subscription>('POST', `${path}/enable`)).body.status).toBe('ACTIVE');
    const missing = await call<Problem>('POST', `${SUBSCRIPTIONS}/00000000-0000-4000-8000-000000000000/enable`);
    expect(missing.status).toBe(404);
  });

  it('deletes a subscription and its deliveries', async () => {
    const created = await subscribe(t, WEBHOOK);
    await t.db.query(
      `INSERT INTO notification_deliveries (event_id, event_type, subscription_id, channel, endpoint, payload)
       VALUES (999999, 'robot.completed', $1, 'webhook', 'https://hooks.example.com:443', '{}')`,
      [created.subscription_id],
    );
    const path = `${SUBSCRIPTIONS}/${created.subscription_id}`;
    const res = await call('DELETE', path);
    expect(res.status).toBe(204);
    expect((await call<Problem>('GET', path)).status).toBe(404);
    expect((await call<Problem>('DELETE', path)).status).toBe(404);
    const left = await t.db.query('SELECT 1 FROM notification_deliveries WHERE subscription_id = $1', [
      created.subscription_id,
    ]);
    expect(left.rows).toHaveLength(0);
  });

  it('keeps the built-in admin subscriptions, read-only, in line with the configuration', async () => {
    const { body } = await call<{ items: Subscription[] }>('GET', `${SUBSCRIPTIONS}?limit=200`);
    const system = body.items.filter((s) => s.system);
    expect(system.map((s) => [s.name, s.channel, s.target, s.event_types]).sort()).toEqual([
      ['system:admins-email', 'email', 'Admin@example.com', ['subscription.disabled']],
      ['system:admins-in-app', 'in_app', 'admins', ['subscription.disabled']],
    ]);
    const inApp = system.find((s) => s.channel === 'in_app')!;
    for (const [method, suffix] of [
      ['PATCH', ''],
      ['DELETE', ''],
    ] as const) {
      const res = await call<Problem>(
        method,
        `${SUBSCRIPTIONS}/${inApp.subscription_id}${suffix}`,
        method === 'PATCH' ? { name: 'x' } : undefined,
      );
      expect({ method, status: res.status, code: res.body.code }).toEqual({
        method,
        status: 409,
        code: 'SUBSCRIPTION_READ_ONLY',
      });
    }
  });

  it('pages through subscriptions newest first, filtered by channel and status', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await subscribe(t, { channel: 'in_app', target: `pager-${i}`, event_types: ['*'] })).subscription_id);
    await t.db.query(`UPDATE notification_subscriptions SET status = 'DISABLED' WHERE subscription_id = $1`, [made[0]]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `channel=in_app&status=ACTIVE&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call<{ items: Subscription[]; next_cursor: string | null }>(
        'GET',
        `${SUBSCRIPTIONS}?${query}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      expect(page.body.items.every((s) => s.channel === 'in_app' && s.status === 'ACTIVE')).toBe(true);
      seen.push(...page.body.items.map((s) => s.subscription_id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(made.slice(1)));
    expect(seen).not.toContain(made[0]);
    const mine = seen.filter((id) => made.includes(id));
    expect(mine).toEqual(made.slice(1).reverse());
    for (const query of ['status=GONE', 'channel=fax', 'limit=0', 'cursor=bm90LW91cnM']) {
      const res = await call<Problem>('GET', `${SUBSCRIPTIONS}?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
  });

  it('asks for notifications:read to list and notifications:write to change', async () => {
    const issue = async (scopes: string[]) =>
      (await call<{ api_key: string }>('POST', '/api/v1/api-keys', { name: `n-${scopes.join()}`, scopes })).body
        .api_key;
    const reader = await issue(['notifications:read']);
    const writer = await issue(['notifications:write']);
    expect((await call('GET', SUBSCRIPTIONS, undefined, reader)).status).toBe(200);
    expect((await call('POST', SUBSCRIPTIONS, WEBHOOK, reader)).status).toBe(403);
    expect((await call('GET', SUBSCRIPTIONS, undefined, writer)).status).toBe(403);
    const created = await call<Subscription>('POST', SUBSCRIPTIONS, WEBHOOK, writer);
    expect(created.status).toBe(201);
    expect((await call('GET', SUBSCRIPTIONS, undefined, null)).status).toBe(401);
  });
});

import { beforeAll, describe, expect, it } from '@jest/globals';
import { InAppChannel } from '../../src/notification/channels/in-app/in-app.channel.js';
import { Scope } from '../../src/security/scopes.js';
import { issueKey } from '../factories/api-key.factory.js';
import { inAppNotification, sendInApp, writeInbox } from '../factories/in-app.factory.js';
import { registerModule } from '../factories/module.factory.js';
import { http, type HttpResult, useTestApp } from '../support/test-app.js';

type Item = {
  notification_id: number;
  audience: string;
  event_type: string;
  event_id: number | null;
  delivery_id: string | null;
  title: string;
  body: string;
  data: Record<string, unknown>;
  read: boolean;
  read_at: string | null;
  created_at: string;
};
type Page = { items: Item[]; next_cursor: string | null; unread_count: number };
type Problem = { status: number; code: string; detail: string; errors?: string[] };

const PROBLEM = /^application\/problem\+json/;

describe('in-app notifications: the in_app channel and the inbox API (PGlite)', () => {
  const t = useTestApp();
  const get = <T = Page>(path: string, key?: string) => http<T>(`${t.url}/api/v1/notifications/inbox${path}`, { key });
  const post = <T = Item>(path: string, body?: unknown, key?: string) =>
    http<T>(`${t.url}/api/v1/notifications/inbox${path}`, {
      method: 'POST',
      key,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const rowsOf = async (audience: string) =>
    (
      await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox_notifications WHERE audience = $1', [
        audience,
      ])
    ).rows[0].n;

  describe('the in_app channel', () => {
    it('writes one inbox row per delivery, rendered, with the event data and ids, and only once on a retry', async () => {
      const notification = inAppNotification('channel-test', { robotId: 'LEGAL_1795310000000_7' });
      expect(await sendInApp(t, notification)).toEqual({ ok: true });
      // The dispatcher retries (a lost answer, a crash after the write): same delivery, no second row.
      expect(await sendInApp(t, { ...notification, attempt: 2 })).toEqual({ ok: true });
      expect(await rowsOf('channel-test')).toBe(1);

      const page = await get('?audience=channel-test');
      expect(page.status).toBe(200);
      expect(page.body.unread_count).toBe(1);
      const [item] = page.body.items;
      expect(item).toMatchObject({
        audience: 'channel-test',
        event_type: 'robot.failed',
        event_id: notification.event.event_id,
        delivery_id: notification.delivery_id,
        title: 'Robot LEGAL_1795310000000_7 failed',
        read: false,
        read_at: null,
      });
      expect(item.body).toContain('Error category: VALIDATION');
      expect(item.data).toEqual({
        robot_type: 'legal_review',
        error_category: 'VALIDATION',
        event_id: notification.event.event_id,
        event_type: 'robot.failed',
        robot_id: 'LEGAL_1795310000000_7',
        module_name: 'LegalModule',
        delivery_id: notification.delivery_id,
        subscription_id: notification.subscription.subscription_id,
      });
    });

    it('judges targets: an audience is a plain name', () => {
      const channel = t.app.get(InAppChannel);
      expect(channel.channel).toBe('in_app');
      expect(channel.validateTarget('admins')).toBeNull();
      expect(channel.validateTarget('module:OcrModule')).toBeNull();
      for (const bad of ['', ' admins', 'a b', 'x'.repeat(201), '<script>', 'admins\n', '-leading']) {
        expect(channel.validateTarget(bad)).toMatch(/^audience must be/);
      }
    });

    it('refuses for good a delivery whose target is no audience, writing nothing', async () => {
      const outcome = await sendInApp(t, inAppNotification('bad audience'));
      expect(outcome).toMatchObject({ ok: false, permanent: true });
      expect(await rowsOf('bad audience')).toBe(0);
    });
  });

  describe('the inbox API', () => {
    let ids: number[];
    beforeAll(async () => {
      ids = await writeInbox(t, 'api-test', 5);
      await writeInbox(t, 'other-audience', 2);
    });

    it('lists an audience newest first, by pages, with its unread count; admins by default', async () => {
      const first = await get('?audience=api-test&limit=2');
      expect(first.status).toBe(200);
      expect(first.body.items.map((i) => i.notification_id)).toEqual([ids[4], ids[3]]);
      expect(first.body.unread_count).toBe(5);
      const second = await get(`?audience=api-test&limit=2&cursor=${first.body.next_cursor}`);
      expect(second.body.items.map((i) => i.notification_id)).toEqual([ids[2], ids[1]]);
      const last = await get(`?audience=api-test&limit=2&cursor=${second.body.next_cursor}`);
      expect(last.body.items.map((i) => i.notification_id)).toEqual([ids[0]]);
      expect(last.body.next_cursor).toBeNull();
      expect(new Set([...first.body.items, ...second.body.items].map((i) => i.audience))).toEqual(
        new Set(['api-test']),
      );

      await writeInbox(t, 'admins', 1);
      const admins = await get('');
      expect(admins.body.items.map((i) => i.audience)).toEqual(['admins']);
      expect((await get<{ audience: string; unread_count: number }>('/unread-count')).body).toEqual({
        audience: 'admins',
        unread_count: 1,
      });
    });

    it('marks one read (again keeps the first time), and lists only unread ones when asked', async () => {
      const marked = await post(`/${ids[1]}/read`);
      expect(marked.status).toBe(200);
      expect(marked.body).toMatchObject({ notification_id: ids[1], read: true });
      const readAt = marked.body.read_at;
      expect(Date.parse(readAt!)).not.toBeNaN();
      const again = await post(`/${ids[1]}/read`);
      expect(again.status).toBe(200);
      expect(again.body.read_at).toBe(readAt);

      const unread = await get('?audience=api-test&unread_only=true');
      expect(unread.body.items.map((i) => i.notification_id)).toEqual([ids[4], ids[3], ids[2], ids[0]]);
      expect(unread.body.unread_count).toBe(4);
      expect((await get('/unread-count?audience=api-test')).body).toEqual({ audience: 'api-test', unread_count: 4 });
      expect((await get('/unread-count?audience=other-audience')).body).toMatchObject({ unread_count: 2 });
    });

    it('marks all read up to an id, leaving what came after it unread, then all', async () => {
      const upTo = await post<{ audience: string; marked: number; unread_count: number }>('/read-all', {
        audience: 'api-test',
        up_to_id: ids[3],
      });
      expect(upTo.status).toBe(200);
      // ids[1] was read already: ids[0], ids[2] and ids[3] are marked now.
      expect(upTo.body).toEqual({ audience: 'api-test', marked: 3, unread_count: 1 });
      const rest = await post<{ marked: number; unread_count: number }>('/read-all', { audience: 'api-test' });
      expect(rest.body).toEqual({ audience: 'api-test', marked: 1, unread_count: 0 });
      // Other audiences are untouched.
      expect((await get('/unread-count?audience=other-audience')).body).toMatchObject({ unread_count: 2 });
    });

    it('answers bad input with a 4xx problem and changes nothing', async () => {
      const bad: Array<[Promise<HttpResult<Problem>>, number, string]> = [
        [get<Problem>('?audience=a%20b'), 400, 'VALIDATION_FAILED'],
        [get<Problem>(`?audience=${'x'.repeat(201)}`), 400, 'VALIDATION_FAILED'],
        [get<Problem>('?unread_only=maybe'), 400, 'VALIDATION_FAILED'],
        [get<Problem>('?limit=0'), 400, 'VALIDATION_FAILED'],
        [get<Problem>('?cursor=bm90LWEtY3Vyc29y'), 400, 'INVALID_CURSOR'],
        [get<Problem>('?audience=admins&extra=1'), 400, 'VALIDATION_FAILED'],
        [get<Problem>('/unread-count?audience=%3Cscript%3E'), 400, 'VALIDATION_FAILED'],
        [post<Problem>('/abc/read'), 400, 'VALIDATION_FAILED'],
        [post<Problem>('/0/read'), 400, 'VALIDATION_FAILED'],
        [post<Problem>('/99999999999999999999/read'), 400, 'VALIDATION_FAILED'],
        [post<Problem>('/987654321/read'), 404, 'INBOX_NOTIFICATION_NOT_FOUND'],
        [post<Problem>('/read-all', {}), 400, 'VALIDATION_FAILED'],
        [post<Problem>('/read-all', { audience: 'api-test', up_to_id: 'all' }), 400, 'VALIDATION_FAILED'],
        [post<Problem>('/read-all', { audience: 'api-test', up_to_id: 1.5 }), 400, 'VALIDATION_FAILED'],
        [post<Problem>('/read-all', { audience: 'api-test', everything: true }), 400, 'VALIDATION_FAILED'],
        [post<Problem>('/read-all', '{"audience":'), 400, 'BAD_REQUEST'],
      ];
      for (const [request, status, code] of bad) {
        const res = await request;
        expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
        expect(res.headers.get('content-type')).toMatch(PROBLEM);
        expect(JSON.stringify(res.body)).not.toMatch(/SELECT|inbox_notifications|at Object/);
      }
      expect((await get('/unread-count?audience=other-audience')).body).toMatchObject({ unread_count: 2 });
    });

    it("keeps a module-bound key to its module's audience; refuses keys without notifications:read", async () => {
      expect((await registerModule(t, 'InboxMod', ['inbox_type'])).status).toBe(201);
      const bound = (await issueKey(t, [Scope.NotificationsRead], { moduleName: 'InboxMod' })).key;
      const [own] = await writeInbox(t, 'module:InboxMod', 1);

      const mine = await get('?audience=module:InboxMod', bound);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((i) => i.notification_id)).toEqual([own]);
      expect((await post(`/${own}/read`, undefined, bound)).status).toBe(200);

      for (const path of ['', '?audience=api-test', '/unread-count', '/unread-count?audience=module:OtherMod']) {
        const res = await get<Problem>(path, bound);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 403,
          code: 'INBOX_AUDIENCE_FORBIDDEN',
        });
      }
      expect((await post<Problem>('/read-all', { audience: 'api-test' }, bound)).body.code).toBe(
        'INBOX_AUDIENCE_FORBIDDEN',
      );
      // Another audience's notification is as good as missing to it: nothing to learn, nothing changed.
      const foreign = await post<Problem>(`/${ids[0]}/read`, undefined, bound);
      expect({ status: foreign.status, code: foreign.body.code }).toEqual({
        status: 404,
        code: 'INBOX_NOTIFICATION_NOT_FOUND',
      });

      const reader = (await issueKey(t, [Scope.NotificationsRead])).key;
      expect((await get('?audience=other-audience', reader)).status).toBe(200);
      const monitoring = (await issueKey(t, [Scope.MonitoringRead, Scope.NotificationsWrite])).key;
      const refused = await get<Problem>('', monitoring);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'AUTH_FORBIDDEN' });
      expect((await post<Problem>(`/${ids[0]}/read`, undefined, monitoring)).status).toBe(403);
    });
  });
});

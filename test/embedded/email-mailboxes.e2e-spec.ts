import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { MailboxWatchRepository } from '../../src/email/mailboxes/mailbox-watch.repository.js';
import { MailboxSupervisor } from '../../src/email/mailboxes/mailbox-supervisor.service.js';
import { SecretBox } from '../../src/security/secret-box.js';
import { Scope } from '../../src/security/scopes.js';
import { issueKey } from '../factories/api-key.factory.js';
import { api, type Problem } from '../support/notifications.js';
import { useTestApp } from '../support/test-app.js';

const MAILBOXES = '/api/v1/email/mailboxes';
const PASSWORD = 'S3cret-pa55word!';

type Mailbox = {
  mailbox_id: string;
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  auth_method: string;
  has_secret: boolean;
  folder: string;
  after_processing: string;
  move_to: string | null;
  status: string;
  health: string;
  last_error: string | null;
  checkpoint: { uid_validity: number | null; last_uid: number };
  watcher: { instance: string; lease_until: string } | null;
};

let names = 0;
const spec = (changes: Record<string, unknown> = {}) => ({
  name: `box-${++names}`,
  host: 'imap.example.com',
  port: 993,
  username: 'invoices@example.com',
  password: PASSWORD,
  ...changes,
});

/** Mailboxes on PGlite with no ingestor wired: nothing is watched, everything is stored. */
describe('mailboxes', () => {
  // The watch statements are driven by hand here: no supervisor of this app takes the leases.
  const t = useTestApp({ EMAIL_MAILBOXES_ENABLED: 'false' });
  const call = api(t);

  describe('the REST API', () => {
    const create = async (changes: Record<string, unknown> = {}) => {
      const created = await call<Mailbox>('POST', MAILBOXES, spec(changes));
      expect(created.status).toBe(201);
      return created.body;
    };

    it('creates a mailbox with defaults, seals the password and never answers it', async () => {
      const created = await create({ name: 'Invoices' });
      expect(created).toMatchObject({
        name: 'Invoices',
        host: 'imap.example.com',
        port: 993,
        secure: true,
        username: 'invoices@example.com',
        auth_method: 'password',
        has_secret: true,
        folder: 'INBOX',
        after_processing: 'flag',
        move_to: null,
        status: 'ACTIVE',
        health: 'UNKNOWN',
        last_error: null,
        checkpoint: { uid_validity: null, last_uid: 0 },
        watcher: null,
      });
      expect(created).not.toHaveProperty('password');
      expect(created).not.toHaveProperty('secret_sealed');
      const stored = await t.db.query<{ secret_sealed: string }>(
        'SELECT secret_sealed FROM email_mailboxes WHERE mailbox_id = $1',
        [created.mailbox_id],
      );
      expect(stored.rows[0].secret_sealed).not.toContain(PASSWORD);
      expect(t.app.get(SecretBox).open(stored.rows[0].secret_sealed)).toBe(PASSWORD);

      for (const read of [
        await call('GET', `${MAILBOXES}/${created.mailbox_id}`),
        await call('GET', MAILBOXES),
        await call('POST', `${MAILBOXES}/${created.mailbox_id}/pause`),
        await call('PATCH', `${MAILBOXES}/${created.mailbox_id}`, { folder: 'Archive' }),
      ]) {
        expect(read.status).toBe(200);
        expect(JSON.stringify(read.body)).not.toContain(PASSWORD);
        expect(JSON.stringify(read.body)).not.toContain(stored.rows[0].secret_sealed);
      }
    });

    it('takes an OAuth2 access token instead of a password, and normalises the host', async () => {
      const created = await create({
        host: 'IMAP.Gmail.COM',
        auth_method: 'oauth2',
        password: undefined,
        access_token: 'ya29.a0AfH6SMBx-token_value',
        secure: false,
        port: 143,
        after_processing: 'move',
        move_to: 'Processed',
        status: 'PAUSED',
      });
      expect(created).toMatchObject({
        host: 'imap.gmail.com',
        auth_method: 'oauth2',
        has_secret: true,
        secure: false,
        after_processing: 'move',
        move_to: 'Processed',
        status: 'PAUSED',
      });
      expect(JSON.stringify(created)).not.toContain('ya29');
    });

    it.each([
      ['a port of 0', { port: 0 }, 'VALIDATION_FAILED', /port/],
      ['a port of 65536', { port: 65536 }, 'VALIDATION_FAILED', /port/],
      ['a port as text', { port: '993' }, 'VALIDATION_FAILED', /port/],
      ['a host with CRLF', { host: 'imap.example.com\r\nA1 LOGOUT' }, 'MAILBOX_HOST_REFUSED', /host name/],
      ['a host with a port', { host: 'imap.example.com:993' }, 'MAILBOX_HOST_REFUSED', /host name/],
      ['a URL as host', { host: 'imaps://imap.example.com' }, 'MAILBOX_HOST_REFUSED', /host name/],
      ['the metadata address', { host: '169.254.169.254' }, 'MAILBOX_HOST_REFUSED', /link-local/],
      ['a multicast address', { host: '224.0.0.251' }, 'MAILBOX_HOST_REFUSED', /multicast/],
      ['a folder with CRLF', { folder: 'INBOX\r\nA2 DELETE INBOX' }, 'VALIDATION_FAILED', /folder/],
      ['a folder with a wildcard', { folder: 'INBOX*' }, 'VALIDATION_FAILED', /folder/],
      ['a folder of 256 characters', { folder: 'f'.repeat(256) }, 'VALIDATION_FAILED', /folder/],
      ['an empty folder', { folder: '' }, 'VALIDATION_FAILED', /folder/],
      ['a user name with LF', { username: 'bot\nA3 LOGOUT' }, 'VALIDATION_FAILED', /username/],
      ['a password with CRLF', { password: 'pw\r\nA4 LOGOUT' }, 'VALIDATION_FAILED', /password/],
      ['a name with a NUL', { name: 'box\u0000' }, 'VALIDATION_FAILED', /name/],
      ['a name of 101 characters', { name: 'n'.repeat(101) }, 'VALIDATION_FAILED', /name/],
      ['an unknown field', { tls_ignore_errors: true }, 'VALIDATION_FAILED', /tls_ignore_errors/],
      ['an unknown action', { after_processing: 'delete' }, 'VALIDATION_FAILED', /after_processing/],
      ['move without move_to', { after_processing: 'move' }, 'MAILBOX_SETTINGS_INVALID', /needs move_to/],
      ['move_to with flag', { move_to: 'Done' }, 'MAILBOX_SETTINGS_INVALID', /only for after_processing move/],
      [
        'move_to the folder itself',
        { after_processing: 'move', move_to: 'INBOX' },
        'MAILBOX_SETTINGS_INVALID',
        /differ/,
      ],
      ['no password', { password: undefined }, 'MAILBOX_SETTINGS_INVALID', /needs password/],
      ['a token with a password login', { access_token: 'tok' }, 'MAILBOX_SETTINGS_INVALID', /password only/],
      [
        'a token with spaces',
        { auth_method: 'oauth2', password: undefined, access_token: 'a b' },
        'VALIDATION_FAILED',
        /access_token/,
      ],
      ['a null secure', { secure: null }, 'VALIDATION_FAILED', /secure/],
    ])('refuses %s', async (_what, changes, code, detail) => {
      const refused = await call<Problem>('POST', MAILBOXES, spec(changes));
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe(code);
      expect(JSON.stringify(refused.body)).toMatch(detail);
      expect(JSON.stringify(refused.body)).not.toContain(PASSWORD);
    });

    it('refuses a second mailbox of the same name, whatever its case', async () => {
      await create({ name: 'Orders' });
      const taken = await call<Problem>('POST', MAILBOXES, spec({ name: 'ORDERS' }));
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('MAILBOX_NAME_TAKEN');
    });

    it('lists newest first in pages, filtered by status', async () => {
      const made = [await create(), await create(), await create({ status: 'PAUSED' })];
      const first = await call<{ items: Mailbox[]; next_cursor: string | null }>('GET', `${MAILBOXES}?limit=2`);
      expect(first.body.items.map((m) => m.mailbox_id)).toEqual([made[2].mailbox_id, made[1].mailbox_id]);
      expect(first.body.next_cursor).not.toBeNull();
      const second = await call<{ items: Mailbox[] }>(
        'GET',
        `${MAILBOXES}?limit=2&cursor=${encodeURIComponent(first.body.next_cursor!)}`,
      );
      expect(second.body.items[0].mailbox_id).toBe(made[0].mailbox_id);
      const paused = await call<{ items: Mailbox[] }>('GET', `${MAILBOXES}?status=PAUSED&limit=200`);
      expect(paused.body.items.every((m) => m.status === 'PAUSED')).toBe(true);
      expect(paused.body.items.map((m) => m.mailbox_id)).toContain(made[2].mailbox_id);
      expect((await call<Problem>('GET', `${MAILBOXES}?cursor=forged`)).body.code).toBe('INVALID_CURSOR');
    });

    it('answers 404 for an unknown mailbox and 400 for an id that is no UUID', async () => {
      const unknown = '0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f';
      for (const [method, path] of [
        ['GET', ''],
        ['PATCH', ''],
        ['DELETE', ''],
        ['POST', '/pause'],
        ['POST', '/resume'],
        ['POST', '/check'],
      ]) {
        const answer = await call<Problem>(
          method,
          `${MAILBOXES}/${unknown}${path}`,
          method === 'PATCH' ? {} : undefined,
        );
        expect([method, path, answer.status, answer.body.code]).toEqual([method, path, 404, 'MAILBOX_NOT_FOUND']);
      }
      expect((await call('GET', `${MAILBOXES}/not-a-uuid`)).status).toBe(400);
    });

    it('PATCH: a new password is sealed again; another folder restarts the checkpoint; settings stay consistent', async () => {
      const created = await create();
      const other = await create();
      const id = created.mailbox_id;
      await t.db.query('UPDATE email_mailboxes SET uid_validity = 77, last_uid = 12 WHERE mailbox_id = $1', [id]);
      const sealed = async () =>
        (
          await t.db.query<{ secret_sealed: string }>(
            'SELECT secret_sealed FROM email_mailboxes WHERE mailbox_id = $1',
            [id],
          )
        ).rows[0].secret_sealed;
      const before = await sealed();

      const renamed = await call<Mailbox>('PATCH', `${MAILBOXES}/${id}`, { name: `${created.name}-eu`, secure: false });
      expect(renamed.body).toMatchObject({
        name: `${created.name}-eu`,
        secure: false,
        checkpoint: { uid_validity: 77, last_uid: 12 },
      });
      expect(await sealed()).toBe(before);

      const repassed = await call<Mailbox>('PATCH', `${MAILBOXES}/${id}`, { password: 'n3w-Password' });
      expect(repassed.status).toBe(200);
      expect(await sealed()).not.toBe(before);
      expect(t.app.get(SecretBox).open(await sealed())).toBe('n3w-Password');
      expect(JSON.stringify(repassed.body)).not.toContain('n3w-Password');

      const moved = await call<Mailbox>('PATCH', `${MAILBOXES}/${id}`, { folder: 'Invoices' });
      expect(moved.body).toMatchObject({ folder: 'Invoices', checkpoint: { uid_validity: null, last_uid: 0 } });

      const move = await call<Mailbox>('PATCH', `${MAILBOXES}/${id}`, { after_processing: 'move', move_to: 'Done' });
      expect(move.body).toMatchObject({ after_processing: 'move', move_to: 'Done' });
      const flag = await call<Mailbox>('PATCH', `${MAILBOXES}/${id}`, { after_processing: 'flag' });
      expect(flag.body).toMatchObject({ after_processing: 'flag', move_to: null });

      for (const [changes, code] of [
        [{ after_processing: 'move' }, 'MAILBOX_SETTINGS_INVALID'],
        [{ auth_method: 'oauth2' }, 'MAILBOX_SETTINGS_INVALID'],
        [{ folder: null }, 'VALIDATION_FAILED'],
        [{ port: 70000 }, 'VALIDATION_FAILED'],
        [{ host: '0.0.0.0' }, 'MAILBOX_HOST_REFUSED'],
        [{ name: other.name.toUpperCase() }, 'MAILBOX_NAME_TAKEN'],
      ] as const) {
        const refused = await call<Problem>('PATCH', `${MAILBOXES}/${id}`, changes);
        expect([changes, refused.body.code]).toEqual([changes, code]);
      }
      const oauth = await call<Mailbox>('PATCH', `${MAILBOXES}/${id}`, {
        auth_method: 'oauth2',
        access_token: 'tok-1',
      });
      expect(oauth.body.auth_method).toBe('oauth2');
      expect(t.app.get(SecretBox).open(await sealed())).toBe('tok-1');
    });

    it('pauses, resumes and deletes', async () => {
      const { mailbox_id: id } = await create();
      expect((await call<Mailbox>('POST', `${MAILBOXES}/${id}/pause`)).body.status).toBe('PAUSED');
      expect((await call<Mailbox>('POST', `${MAILBOXES}/${id}/resume`)).body.status).toBe('ACTIVE');
      expect((await call('DELETE', `${MAILBOXES}/${id}`)).status).toBe(204);
      expect((await call('GET', `${MAILBOXES}/${id}`)).status).toBe(404);
    });

    it('check answers why it could not connect, in words without the password', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as { port: number }).port;
      await new Promise((resolve) => closed.close(resolve));
      const { mailbox_id: id } = await create({ host: '127.0.0.1', port, secure: false });
      const checked = await call<{ ok: boolean; error: string; latency_ms: number }>(
        'POST',
        `${MAILBOXES}/${id}/check`,
      );
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({ ok: false, error: 'connection refused', uid_validity: null, pending: null });
      expect(JSON.stringify(checked.body)).not.toContain(PASSWORD);
    });

    it('needs email:read to read and email:write to change', async () => {
      const { mailbox_id: id } = await create();
      const reader = (await issueKey(t, [Scope.EmailRead])).key;
      const other = (await issueKey(t, [Scope.NotificationsRead])).key;
      expect((await call('GET', MAILBOXES, undefined, reader)).status).toBe(200);
      expect((await call('GET', `${MAILBOXES}/${id}`, undefined, reader)).status).toBe(200);
      for (const [method, path, body] of [
        ['POST', MAILBOXES, spec()],
        ['PATCH', `${MAILBOXES}/${id}`, { port: 995 }],
        ['DELETE', `${MAILBOXES}/${id}`, undefined],
        ['POST', `${MAILBOXES}/${id}/pause`, undefined],
        ['POST', `${MAILBOXES}/${id}/check`, undefined],
      ] as const) {
        expect([method, path, (await call(method, path, body, reader)).status]).toEqual([method, path, 403]);
      }
      expect((await call('GET', MAILBOXES, undefined, other)).status).toBe(403);
      expect((await call('GET', MAILBOXES, undefined, null)).status).toBe(401);
    });

    it('watches nothing with EMAIL_MAILBOXES_ENABLED=false', () => {
      expect(t.app.get(MailboxSupervisor).watching).toEqual([]);
    });
  });

  /** The watchers' statements: leases, health with its event, checkpoint resets and skips. */
  describe('the watch repository', () => {
    const watch = () => t.app.get(MailboxWatchRepository);
    const leaseOf = async (id: string) =>
      (
        await t.db.query<{ leased_by: string | null }>('SELECT leased_by FROM email_mailboxes WHERE mailbox_id = $1', [
          id,
        ])
      ).rows[0].leased_by;

    it('leases an ACTIVE mailbox to one instance, renews it, hands it over when it runs out, drops it when paused', async () => {
      const { mailbox_id: id } = (await call<Mailbox>('POST', MAILBOXES, spec())).body;
      const ids = async (instance: string) => (await watch().claim(instance, 30_000)).map((row) => row.mailbox_id);
      expect(await ids('A')).toContain(id);
      expect(await ids('B')).not.toContain(id);
      expect(await ids('A')).toContain(id); // renewed
      expect((await call<Mailbox>('GET', `${MAILBOXES}/${id}`)).body.watcher).toMatchObject({ instance: 'A' });

      await t.db.query(`UPDATE email_mailboxes SET lease_until = now() - interval '1 second' WHERE mailbox_id = $1`, [
        id,
      ]);
      expect(await ids('B')).toContain(id);
      expect(await ids('A')).not.toContain(id);
      expect(await leaseOf(id)).toBe('B');

      await call('POST', `${MAILBOXES}/${id}/pause`);
      expect(await ids('B')).not.toContain(id);
      expect(await leaseOf(id)).toBeNull();
      await call('POST', `${MAILBOXES}/${id}/resume`);
      expect(await ids('A')).toContain(id);
      expect(await watch().release('A', [id])).toBe(1);
      expect((await call<Mailbox>('GET', `${MAILBOXES}/${id}`)).body.watcher).toBeNull();
      expect(await ids('B')).toContain(id); // released: taken at once
    });

    it('writes health with its mailbox.health_changed event in the same statement, and only for the holder', async () => {
      const { mailbox_id: id, name } = (await call<Mailbox>('POST', MAILBOXES, spec())).body;
      await watch().claim('A', 30_000);
      const since = new Date();
      expect(await watch().failed(id, 'B', 'DEGRADED', since, 'connection refused')).toBeNull();
      expect(await watch().failed(id, 'A', 'DEGRADED', since, 'connection refused')).toEqual({
        before: 'UNKNOWN',
        after: 'DEGRADED',
      });
      expect(await watch().failed(id, 'A', 'DEGRADED', since, 'connection refused')).toEqual({
        before: 'DEGRADED',
        after: 'DEGRADED',
      });
      expect(await watch().connected(id, 'A', 1234)).toMatchObject({
        health_before: 'DEGRADED',
        reset: true,
        last_uid: 0,
      });
      const events = await t.db.query<{ payload: Record<string, unknown>; robot_id: string | null }>(
        `SELECT payload, robot_id FROM events WHERE event_type = 'mailbox.health_changed' AND payload->>'mailbox_id' = $1
        ORDER BY event_id`,
        [id],
      );
      expect(events.rows.map((e) => e.payload)).toEqual([
        { mailbox_id: id, name, from: 'UNKNOWN', to: 'DEGRADED', error: 'connection refused' },
        { mailbox_id: id, name, from: 'DEGRADED', to: 'HEALTHY', error: null },
      ]);
      const row = (await call<Mailbox & { failing_since: string | null }>('GET', `${MAILBOXES}/${id}`)).body;
      expect(row).toMatchObject({
        health: 'HEALTHY',
        failing_since: null,
        checkpoint: { uid_validity: 1234, last_uid: 0 },
      });
    });

    it('resets the checkpoint on a new UIDVALIDITY with an audit row; a skip audits and moves past the message', async () => {
      const { mailbox_id: id } = (await call<Mailbox>('POST', MAILBOXES, spec())).body;
      await watch().claim('A', 30_000);
      await watch().connected(id, 'A', 100);
      await watch().skip(id, 100, 7, 'too_large', { size_bytes: 99_999, max_bytes: 1_024 }, 'A');
      await watch().skip(id, 99, 9, 'too_large', {}, 'A'); // another UIDVALIDITY: the checkpoint stays
      expect(await watch().connected(id, 'A', 100)).toMatchObject({ reset: false, last_uid: 7 });
      expect(await watch().connected(id, 'A', 200)).toMatchObject({
        reset: true,
        last_uid: 0,
        uid_validity_before: 100,
      });
      const audit = await t.db.query<{ step: string; outcome: string; detail: Record<string, unknown> }>(
        'SELECT step, outcome, detail FROM email_audit WHERE mailbox_id = $1 ORDER BY audit_id',
        [id],
      );
      expect(audit.rows[0]).toMatchObject({
        step: 'fetch',
        outcome: 'refused',
        detail: { uid: 7, uid_validity: 100, reason: 'too_large', size_bytes: 99_999, max_bytes: 1_024 },
      });
      expect(audit.rows.at(-1)).toMatchObject({
        step: 'checkpoint',
        outcome: 'reset',
        detail: { uid_validity_before: 100, uid_validity: 200, last_uid_before: 7 },
      });
    });
  });
});

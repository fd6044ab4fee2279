import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import {
  EMAIL_INGESTOR,
  type EmailIngestor,
  type IngestResult,
  type IngestSource,
} from '../../src/email/email.types.js';
import { MailboxSupervisor } from '../../src/email/mailboxes/mailbox-supervisor.service.js';
import { MailboxWatchRepository } from '../../src/email/mailboxes/mailbox-watch.repository.js';
import { JobRunner } from '../../src/state/job-runner.service.js';
import { Dovecot, type DovecotUser, StallingProxy } from '../support/dovecot.js';
import { eventually } from '../support/eventually.js';
import { api } from '../support/notifications.js';
import { startApp, type TestApp } from '../support/test-app.js';

const MAILBOXES = '/api/v1/email/mailboxes';
const LEASE_MS = 3_000;
const WATCHDOG_MS = 2_000;
const UNHEALTHY_AFTER_S = 4;
const MAX_BYTES = 65_536;

const ENV = {
  DATABASE_URL: process.env.TEST_DATABASE_URL,
  REDIS_URL: process.env.TEST_REDIS_URL,
  CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_mailboxes`,
  EMAIL_MAILBOX_LEASE_MS: String(LEASE_MS),
  EMAIL_WATCHDOG_TIMEOUT_MS: String(WATCHDOG_MS),
  EMAIL_IDLE_RESTART_SECONDS: '5',
  // Long: arrivals must come from IDLE, not from the catch-up poll.
  EMAIL_POLL_INTERVAL_SECONDS: '30',
  EMAIL_RECONNECT_MAX_DELAY_MS: '2000',
  EMAIL_UNHEALTHY_AFTER_SECONDS: String(UNHEALTHY_AFTER_S),
  EMAIL_MAX_BYTES: String(MAX_BYTES),
  ALERT_EVALUATION_INTERVAL_MS: '500',
};

/** What the test ingestor was handed, in order, across app instances. */
interface Ingested {
  instance: string;
  mailbox_id: string;
  uid_validity: number;
  uid: number;
  message_id: string | null;
  bytes: number;
  duplicate: boolean;
  at: number;
}
const ingested: Ingested[] = [];
/** Message-IDs taken in, across instances: the real ingestor's unique index on emails.message_id. */
const known = new Set<string>();
/** Mailboxes whose ingests the double makes slow (ms), as a classifier or a busy database would. */
const slowIngest = new Map<string, number>();

/**
 * The ingest double: records each message, dedupes by Message-ID as the real ingestor does, and
 * moves the checkpoint with the statement the real one runs inside its transaction.
 */
class RecordingIngestor implements EmailIngestor {
  constructor(
    private readonly db: DataSource,
    private readonly instance: string,
  ) {}

  async ingest(raw: Buffer, source: IngestSource): Promise<IngestResult> {
    if (source.kind !== 'imap') throw new Error('only IMAP here');
    const delay = slowIngest.get(source.mailbox_id);
    if (delay) await sleep(delay);
    const messageId = /^Message-ID:\s*<([^>]+)>/im.exec(raw.toString('utf8'))?.[1] ?? null;
    const duplicate = messageId !== null && known.has(messageId);
    if (messageId) known.add(messageId);
    await this.db.query(
      `UPDATE email_mailboxes SET last_uid = GREATEST(last_uid, $3) WHERE mailbox_id = $1 AND uid_validity = $2`,
      [source.mailbox_id, source.uid_validity, source.uid],
    );
    ingested.push({
      instance: this.instance,
      mailbox_id: source.mailbox_id,
      uid_validity: source.uid_validity,
      uid: source.uid,
      message_id: messageId,
      bytes: raw.length,
      duplicate,
      at: performance.now(),
    });
    return { email_id: null, status: duplicate ? 'DUPLICATE' : 'NO_ROBOT', robot_id: null };
  }
}

/**
 * Starts an app whose mailbox watchers hand their messages to a RecordingIngestor. EmailModule
 * wires the real ingestor into the mailboxes module by import, which wins over any global
 * provider, so the double replaces the real one's `ingest` on the instance the watchers hold.
 * Nothing is watched before the spy is in place: this file creates its mailboxes afterwards.
 */
async function startRecording(instance: string): Promise<TestApp> {
  const app = await startApp(ENV);
  const ingestor = app.app.get<EmailIngestor>(EMAIL_INGESTOR, { strict: false });
  const recording = new RecordingIngestor(app.app.get<DataSource>(getDataSourceToken()), instance);
  jest.spyOn(ingestor, 'ingest').mockImplementation((raw, source) => recording.ingest(raw, source));
  return app;
}

type Mailbox = {
  mailbox_id: string;
  health: string;
  last_error: string | null;
  failing_since: string | null;
  last_connected_at: string | null;
  checkpoint: { uid_validity: number | null; last_uid: number };
  watcher: { instance: string } | null;
};

let sequence = 0;
const runId = Date.now().toString(36);
/** A small message with a unique Message-ID. */
function message(tag: string, body = `Hello ${tag}`): { id: string; raw: string } {
  const id = `${tag}.${runId}.${++sequence}@test.botfleet`;
  const raw = [
    'From: Sender <sender@example.com>',
    'To: invoices@example.com',
    `Subject: Test ${tag} ${sequence}`,
    `Message-ID: <${id}>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
  return { id, raw };
}

/** Measured figures (latencies, detection and takeover times): printed, not asserted beyond generous bounds. */
// eslint-disable-next-line no-console -- the figures are this test's output, quoted in reports
const report = (line: string) => console.log(line);

const ofMailbox = (id: string) => ingested.filter((entry) => entry.mailbox_id === id);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Established TCP connections to `port` seen from the client side (/proc/net/tcp{,6}). */
function connectionsTo(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  let count = 0;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, , remote, state] = line.trim().split(/\s+/);
      if (remote?.endsWith(`:${hex}`) && state === '01') count++;
    }
  }
  return count;
}

/** IMAP mailboxes watched against a real Dovecot, on real PostgreSQL, with a recording ingestor. */
describe('IMAP mailboxes (PostgreSQL + Dovecot)', () => {
  const users: Record<string, DovecotUser> = Object.fromEntries(
    ['watch', 'mover', 'locked', 'quiet', 'big', 'slow', 'pair', 'baseline'].map((user) => [
      user,
      { user, password: `pw-${user}-S3cret` },
    ]),
  );
  let dovecot: Dovecot;
  const apps: TestApp[] = [];
  let a: TestApp;

  beforeAll(async () => {
    dovecot = await Dovecot.start(Object.values(users));
    a = await startRecording('A');
    apps.push(a);
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await dovecot?.close();
  }, 60_000);

  const call = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, app = a) =>
    api(app)<T>(method, path, body);
  const create = async (user: DovecotUser, changes: Record<string, unknown> = {}, app = a) => {
    const created = await call<Mailbox>(
      'POST',
      MAILBOXES,
      {
        name: `${user.user}-${runId}-${++sequence}`,
        host: '127.0.0.1',
        port: dovecot.port,
        secure: false,
        username: user.user,
        password: user.password,
        ...changes,
      },
      app,
    );
    expect(created.status).toBe(201);
    return created.body;
  };
  const read = async (id: string, app = a) => (await call<Mailbox>('GET', `${MAILBOXES}/${id}`, undefined, app)).body;
  const healthOf = (id: string, health: string, timeoutMs = 10_000) =>
    eventually(
      () => read(id),
      (m) => m.health === health,
      timeoutMs,
    );

  let watched: Mailbox;

  it('a mailbox created over REST against Dovecot becomes HEALTHY, watched by this instance; the check sees it', async () => {
    watched = await create(users.watch);
    const healthy = await healthOf(watched.mailbox_id, 'HEALTHY');
    expect(healthy).toMatchObject({ health: 'HEALTHY', failing_since: null, last_error: null });
    expect(healthy.last_connected_at).not.toBeNull();
    expect(healthy.checkpoint.uid_validity).toBe(await dovecot.uidValidity(users.watch));
    expect(healthy.watcher?.instance).toBe(a.app.get(JobRunner).instanceId);
    const checked = await call('POST', `${MAILBOXES}/${watched.mailbox_id}/check`);
    expect(checked.body).toMatchObject({ ok: true, error: null, pending: 0, idle: true, uid_validity_changed: false });
    expect(JSON.stringify([healthy, checked.body])).not.toContain(users.watch.password);
  });

  it('takes in 20 messages appended while idle, each within about a second of its append, and flags them \\Seen', async () => {
    await sleep(500); // in IDLE by now
    const latencies: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { id, raw } = message('idle');
      ids.push(id);
      await dovecot.append(users.watch, [raw]);
      const appendedAt = performance.now();
      const got = await eventually(
        async () => ingested.find((entry) => entry.message_id === id),
        (entry) => entry !== undefined,
        10_000,
      );
      latencies.push(got ? got.at - appendedAt : Infinity);
      await sleep(100);
    }
    const bare = await dovecot.existsLatency(
      users.baseline,
      [1, 2, 3, 4, 5].map(() => message('baseline').raw),
    );
    report(
      `IDLE arrivals of 20 appends (append answered to ingest called): p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
        `max ${Math.max(...latencies).toFixed(1)} ms; a bare IDLE client gets the EXISTS after ` +
        `p50 ${percentile(bare, 50).toFixed(1)} ms (Dovecot's own notification delay)`,
    );
    const mine = ofMailbox(watched.mailbox_id);
    expect(mine.map((entry) => entry.message_id).sort()).toEqual([...ids].sort());
    expect(mine.every((entry) => !entry.duplicate)).toBe(true);
    expect(Math.max(...latencies)).toBeLessThan(5_000);
    const inbox = await eventually(
      () => dovecot.list(users.watch),
      (list) => list.length === 20 && list.every((m) => m.flags.includes('\\Seen')),
    );
    expect(inbox.filter((m) => m.flags.includes('\\Seen'))).toHaveLength(20);
    expect((await read(watched.mailbox_id)).checkpoint.last_uid).toBe(Math.max(...inbox.map((m) => m.uid)));
  }, 60_000);

  it('after_processing move: a backlog and new mail are moved to move_to (created when missing)', async () => {
    const backlog = [message('move'), message('move'), message('move')];
    await dovecot.append(
      users.mover,
      backlog.map((m) => m.raw),
    );
    const mover = await create(users.mover, { after_processing: 'move', move_to: 'Processed' });
    const later = message('move');
    await eventually(
      async () => ofMailbox(mover.mailbox_id).length,
      (n) => n === 3,
    );
    await dovecot.append(users.mover, [later.raw]);
    const processed = await eventually(
      () => dovecot.list(users.mover, 'Processed').catch(() => []),
      (list) => list.length === 4,
    );
    expect(processed.map((m) => m.messageId?.replace(/[<>]/g, '')).sort()).toEqual(
      [...backlog, later].map((m) => m.id).sort(),
    );
    expect(await dovecot.list(users.mover)).toEqual([]);
    expect(
      ofMailbox(mover.mailbox_id)
        .map((entry) => entry.message_id)
        .sort(),
    ).toEqual([...backlog, later].map((m) => m.id).sort());
  }, 30_000);

  it('Dovecot SIGKILLed and restarted mid-stream: DEGRADED while down, HEALTHY after, nothing missed, nothing twice', async () => {
    const before = ofMailbox(watched.mailbox_id).length;
    const confirmed: string[] = [];
    const uncertain: string[] = [];
    let appending = true;
    const appender = (async () => {
      while (appending) {
        const { id, raw } = message('crash');
        try {
          await dovecot.append(users.watch, [raw]);
          confirmed.push(id);
        } catch {
          uncertain.push(id); // the server died around it: stored or not
          await sleep(100);
        }
        await sleep(30);
      }
    })();
    await sleep(1_000);
    const killedAt = performance.now();
    await dovecot.kill();
    const degraded = await healthOf(watched.mailbox_id, 'DEGRADED', 5_000);
    const degradedAfter = performance.now() - killedAt;
    expect(degraded.health).toBe('DEGRADED');
    expect(degraded.failing_since).not.toBeNull();
    expect(degraded.last_error).toMatch(/connection (refused|reset|was closed)|socket timeout/);
    await sleep(2_000);
    await dovecot.restart();
    const restartedAt = performance.now();
    await healthOf(watched.mailbox_id, 'HEALTHY', 10_000);
    const healthyAfter = performance.now() - restartedAt;
    await sleep(1_000);
    appending = false;
    await appender;
    const mine = await eventually(
      async () => ofMailbox(watched.mailbox_id).slice(before),
      (list) => confirmed.every((id) => list.some((entry) => entry.message_id === id)),
      15_000,
    );
    report(
      `SIGKILL: ${confirmed.length} appends confirmed, ${uncertain.length} uncertain; DEGRADED ${degradedAfter.toFixed(0)} ms after the kill, HEALTHY ${healthyAfter.toFixed(0)} ms after the restart`,
    );
    const got = mine.map((entry) => entry.message_id!);
    for (const id of confirmed) expect(got).toContain(id);
    for (const id of got) expect([...confirmed, ...uncertain]).toContain(id);
    // Nothing fetched twice: each UID once, each Message-ID once (the checkpoint moved with each ingest).
    const uids = mine.map((entry) => `${entry.uid_validity}:${entry.uid}`);
    expect(new Set(uids).size).toBe(uids.length);
    expect(new Set(got).size).toBe(got.length);
    expect(mine.filter((entry) => entry.duplicate)).toEqual([]);
    const events = await a.db.query<{ payload: { from: string; to: string; error: string | null } }>(
      `SELECT payload FROM events WHERE event_type = 'mailbox.health_changed' AND payload->>'mailbox_id' = $1
        ORDER BY event_id`,
      [watched.mailbox_id],
    );
    expect(events.rows.map((e) => `${e.payload.from}>${e.payload.to}`)).toEqual(
      expect.arrayContaining(['UNKNOWN>HEALTHY', 'HEALTHY>DEGRADED', 'DEGRADED>HEALTHY']),
    );
  }, 60_000);

  it('UIDVALIDITY changed: the checkpoint is reset and audited, the folder read again, nothing taken in twice', async () => {
    const inboxBefore = await dovecot.list(users.watch);
    const { before, after } = await dovecot.changeUidValidity(users.watch);
    const rescanned = await eventually(
      async () => ofMailbox(watched.mailbox_id).filter((entry) => entry.uid_validity === after),
      (list) => list.length === inboxBefore.length,
      20_000,
    );
    expect(rescanned).toHaveLength(inboxBefore.length);
    // The double dedupes by Message-ID as the real ingestor does: every rescanned message is a duplicate.
    expect(rescanned.every((entry) => entry.duplicate)).toBe(true);
    const firstTimes = ofMailbox(watched.mailbox_id).filter((entry) => !entry.duplicate);
    expect(new Set(firstTimes.map((entry) => entry.message_id)).size).toBe(firstTimes.length);
    const mailbox = await eventually(
      () => read(watched.mailbox_id),
      (m) => m.checkpoint.uid_validity === after && m.checkpoint.last_uid === inboxBefore.length,
    );
    expect(mailbox.checkpoint).toEqual({ uid_validity: after, last_uid: inboxBefore.length });
    const audit = await a.db.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM email_audit WHERE mailbox_id = $1 AND step = 'checkpoint' AND outcome = 'reset'`,
      [watched.mailbox_id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].detail).toMatchObject({ uid_validity_before: before, uid_validity: after });
    expect(audit.rows[0].detail.note).toMatch(/dedupes/);
  }, 60_000);

  it('a wrong password: DEGRADED with an error that does not hold it, UNHEALTHY later with an alert; fixed by PATCH', async () => {
    const wrong = 'Wr0ng-Passw0rd-x9';
    const locked = await create(users.locked, { password: wrong });
    const degraded = await healthOf(locked.mailbox_id, 'DEGRADED');
    expect(degraded.last_error).toBe('authentication failed [AUTHENTICATIONFAILED]');
    const checked = await call<{ ok: boolean; error: string }>('POST', `${MAILBOXES}/${locked.mailbox_id}/check`);
    expect(checked.body).toMatchObject({ ok: false, error: 'authentication failed [AUTHENTICATIONFAILED]' });
    const unhealthy = await healthOf(locked.mailbox_id, 'UNHEALTHY', (UNHEALTHY_AFTER_S + 6) * 1000);
    expect(unhealthy.health).toBe('UNHEALTHY');
    const firing = await eventually(
      async () =>
        (
          await call<{ items: Array<{ rule: string; subject: string; state: string }> }>(
            'GET',
            '/api/v1/monitoring/alerts?state=firing',
          )
        ).body.items.filter((alert) => alert.rule === 'mailbox_unhealthy'),
      (alerts) => alerts.length > 0,
      5_000,
    );
    expect(firing.map((alert) => alert.state)).toContain('FIRING');

    const fixed = await call<Mailbox>('PATCH', `${MAILBOXES}/${locked.mailbox_id}`, {
      password: users.locked.password,
    });
    expect(fixed.status).toBe(200);
    await healthOf(locked.mailbox_id, 'HEALTHY');
    const stored = await a.db.query<{ last_error: string | null }>(
      'SELECT last_error FROM email_mailboxes WHERE mailbox_id = $1',
      [locked.mailbox_id],
    );
    const events = await a.db.query<{ payload: unknown }>(
      `SELECT payload FROM events WHERE event_type = 'mailbox.health_changed' AND payload->>'mailbox_id' = $1`,
      [locked.mailbox_id],
    );
    const alerts = await a.db.query<{ message: string; details: unknown }>(
      `SELECT message, details FROM monitoring_alerts WHERE rule = 'mailbox_unhealthy'`,
    );
    for (const text of [JSON.stringify(stored.rows), JSON.stringify(events.rows), JSON.stringify(alerts.rows)]) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(Buffer.from(`\u0000locked\u0000${wrong}`).toString('base64'));
    }
    expect(events.rows.map((e) => (e.payload as { to: string }).to)).toEqual(['DEGRADED', 'UNHEALTHY', 'HEALTHY']);
  }, 60_000);

  it('a connection that goes silent (no error, no close) is found by the watchdog and replaced', async () => {
    const proxy = await StallingProxy.start(dovecot.port);
    try {
      const quiet = await create(users.quiet, { port: proxy.port });
      await healthOf(quiet.mailbox_id, 'HEALTHY');
      const first = message('quiet');
      await dovecot.append(users.quiet, [first.raw]);
      await eventually(
        async () => ofMailbox(quiet.mailbox_id).length,
        (n) => n === 1,
      );
      await sleep(300);
      const stalledAt = performance.now();
      proxy.stall();
      const degraded = await healthOf(quiet.mailbox_id, 'DEGRADED', 10_000);
      const detectedMs = performance.now() - stalledAt;
      await healthOf(quiet.mailbox_id, 'HEALTHY', 10_000);
      const replacedMs = performance.now() - stalledAt;
      report(
        `silent connection: DEGRADED after ${detectedMs.toFixed(0)} ms (${degraded.last_error}), replaced after ${replacedMs.toFixed(0)} ms`,
      );
      expect(degraded.last_error).toMatch(/watchdog|socket timeout/);
      // Found within a probe interval (watchdog / 2) plus the watchdog, with some slack.
      expect(detectedMs).toBeLessThan(WATCHDOG_MS * 1.5 + 2_000);
      const second = message('quiet');
      await dovecot.append(users.quiet, [second.raw]);
      await eventually(
        async () => ofMailbox(quiet.mailbox_id).map((entry) => entry.message_id),
        (got) => got.includes(second.id),
      );
      expect(ofMailbox(quiet.mailbox_id).map((entry) => entry.message_id)).toEqual([first.id, second.id]);
      const metrics = await (await fetch(`${a.url}/metrics`)).text();
      const name = (await call<{ name: string }>('GET', `${MAILBOXES}/${quiet.mailbox_id}`)).body.name;
      expect(metrics).toMatch(new RegExp(`botfleet_mailbox_reconnects_total\\{mailbox="${name}"\\} [1-9]`));
      expect(metrics).toMatch(new RegExp(`botfleet_mailbox_health\\{mailbox="${name}"\\} 1`));
      expect(metrics).toMatch(
        new RegExp(`botfleet_mailbox_messages_total\\{mailbox="${name}",outcome="no_robot"\\} 2`),
      );
      await call('POST', `${MAILBOXES}/${quiet.mailbox_id}/pause`);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('a message over EMAIL_MAX_BYTES is not fetched: audited as refused, the checkpoint moves past it', async () => {
    const huge = message('big', 'x'.repeat(MAX_BYTES * 2));
    const small = message('big');
    await dovecot.append(users.big, [huge.raw, small.raw]);
    const big = await create(users.big);
    await eventually(
      async () => ofMailbox(big.mailbox_id).length,
      (n) => n === 1,
    );
    expect(ofMailbox(big.mailbox_id).map((entry) => entry.message_id)).toEqual([small.id]);
    const audit = await a.db.query<{ step: string; outcome: string; detail: Record<string, unknown> }>(
      'SELECT step, outcome, detail FROM email_audit WHERE mailbox_id = $1',
      [big.mailbox_id],
    );
    expect(audit.rows).toEqual([
      {
        step: 'fetch',
        outcome: 'refused',
        detail: expect.objectContaining({ uid: 1, reason: 'too_large', max_bytes: MAX_BYTES }),
      },
    ]);
    expect((await read(big.mailbox_id)).checkpoint.last_uid).toBe(2);
  }, 30_000);

  it('an ingest slower than the watchdog keeps the connection: nothing is cut, both messages arrive once', async () => {
    const slow = await create(users.slow);
    await healthOf(slow.mailbox_id, 'HEALTHY');
    slowIngest.set(slow.mailbox_id, WATCHDOG_MS * 1.5);
    const sent = [message('slow'), message('slow')];
    await dovecot.append(
      users.slow,
      sent.map((m) => m.raw),
    );
    const got = await eventually(
      async () => ofMailbox(slow.mailbox_id),
      (list) => list.length === 2,
      15_000,
    );
    expect(got.map((entry) => entry.message_id)).toEqual(sent.map((m) => m.id));
    const events = await a.db.query<{ payload: { to: string } }>(
      `SELECT payload FROM events WHERE event_type = 'mailbox.health_changed' AND payload->>'mailbox_id' = $1`,
      [slow.mailbox_id],
    );
    expect(events.rows.map((e) => e.payload.to)).toEqual(['HEALTHY']);
    slowIngest.delete(slow.mailbox_id);
  }, 30_000);

  it('pause: the watcher lets go and nothing is taken in; resume: it catches up from the checkpoint', async () => {
    const supervisor = a.app.get(MailboxSupervisor);
    const paused = await call<Mailbox>('POST', `${MAILBOXES}/${watched.mailbox_id}/pause`);
    expect(paused.status).toBe(200);
    await eventually(
      async () => supervisor.watching,
      (ids) => !ids.includes(watched.mailbox_id),
    );
    expect((await read(watched.mailbox_id)).watcher).toBeNull();
    const whilePaused = message('paused');
    await dovecot.append(users.watch, [whilePaused.raw]);
    await sleep(1_500);
    expect(ingested.some((entry) => entry.message_id === whilePaused.id)).toBe(false);
    await call('POST', `${MAILBOXES}/${watched.mailbox_id}/resume`);
    await eventually(
      async () => ingested.filter((entry) => entry.message_id === whilePaused.id).length,
      (n) => n === 1,
    );
    expect(ingested.filter((entry) => entry.message_id === whilePaused.id)).toHaveLength(1);
  }, 30_000);

  it('two instances on one database: one watches each mailbox; when it dies without letting go, the other takes over within the lease', async () => {
    const b = await startRecording('B');
    apps.push(b);
    const pair = await create(users.pair);
    await healthOf(pair.mailbox_id, 'HEALTHY');
    const byInstance = new Map([
      [a.app.get(JobRunner).instanceId, a],
      [b.app.get(JobRunner).instanceId, b],
    ]);
    // Watched by one instance only, and by the same one over several renewals.
    const holders = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const watching = apps
        .filter((app) => app.app.get(MailboxSupervisor).watching.includes(pair.mailbox_id))
        .map((app) => app.app.get(JobRunner).instanceId);
      expect(watching).toHaveLength(1);
      holders.add(watching[0]);
      await sleep(250);
    }
    expect(holders.size).toBe(1);
    const holderId = [...holders][0];
    const holder = byInstance.get(holderId)!;
    const other = holder === a ? b : a;
    const first = message('pair');
    await dovecot.append(users.pair, [first.raw]);
    await eventually(
      async () => ofMailbox(pair.mailbox_id).length,
      (n) => n === 1,
    );
    expect(ofMailbox(pair.mailbox_id)[0].instance).toBe(holder === a ? 'A' : 'B');

    // Dies without letting go: its leases stay until they run out.
    jest.spyOn(holder.app.get(MailboxWatchRepository), 'release').mockResolvedValue(0);
    const diedAt = performance.now();
    await holder.close();
    apps.splice(apps.indexOf(holder), 1);
    expect((await read(pair.mailbox_id, other)).watcher?.instance).toBe(holderId);
    const taken = await eventually(
      () => read(pair.mailbox_id, other),
      (m) => m.watcher?.instance === other.app.get(JobRunner).instanceId && m.health === 'HEALTHY',
      LEASE_MS * 3,
    );
    const takeoverMs = performance.now() - diedAt;
    report(`takeover after the holder died: ${takeoverMs.toFixed(0)} ms (lease ${LEASE_MS} ms)`);
    expect(taken.watcher?.instance).toBe(other.app.get(JobRunner).instanceId);
    expect(takeoverMs).toBeLessThan(LEASE_MS + LEASE_MS / 3 + 2_000);
    const second = message('pair');
    await dovecot.append(users.pair, [second.raw]);
    await eventually(
      async () => ofMailbox(pair.mailbox_id).length,
      (n) => n === 2,
    );
    const got = ofMailbox(pair.mailbox_id);
    expect(got.map((entry) => entry.message_id)).toEqual([first.id, second.id]);
    expect(got[1].instance).toBe(other === a ? 'A' : 'B');
  }, 60_000);

  it('a clean shutdown logs out, closes every IMAP connection and releases every lease', async () => {
    expect(connectionsTo(dovecot.port)).toBeGreaterThan(0);
    for (const app of apps.splice(0)) await app.close();
    const db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    const leases = await db
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM email_mailboxes WHERE leased_by IS NOT NULL`)
      .finally(() => db.end());
    expect(leases.rows[0].n).toBe(0);
    const open = await eventually(
      async () => connectionsTo(dovecot.port),
      (n) => n === 0,
      3_000,
    );
    expect(open).toBe(0);
  }, 60_000);
});

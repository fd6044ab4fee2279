import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { Cluster } from '../support/cluster.js';
import { answeredBy, clientOf } from '../support/cluster-client.js';
import { Dovecot, type DovecotUser } from '../support/dovecot.js';
import { eventually } from '../support/eventually.js';
import { notificationOf, openStream, type SseConnection } from '../support/sse-client.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const MAILBOX_LEASE_MS = 3_000;

/**
 * Three app processes on one PostgreSQL database and one Redis, behind a real nginx configured
 * from docker/nginx.conf (no sticky sessions): whatever instance answers, the fleet behaves as one.
 */
describe('three instances behind nginx', () => {
  const cluster = new Cluster({
    instances: 3,
    env: {
      RETRY_BACKOFF_BASE_MS: '50',
      NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      NOTIFY_SSE_HEARTBEAT_MS: '120000',
      EMAIL_MAILBOX_LEASE_MS: String(MAILBOX_LEASE_MS),
      EMAIL_RECONNECT_MAX_DELAY_MS: '2000',
    },
  });
  let db: pg.Pool;
  /** Instance index by the id it answers with. */
  const ids = new Map<string, number>();
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    await cluster.start();
    db = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 2 });
    for (const [i, instance] of cluster.instances.entries()) {
      ids.set(answeredBy(await clientOf(instance.url).send('GET', '/health/live')), i);
    }
  }, 120_000);
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await db?.end();
    await cluster.stop();
  });

  it('answers with a distinct X-Instance-Id per instance, and nginx spreads requests over all three in turn', async () => {
    expect(ids.size).toBe(3);
    expect([...ids.keys()].every((id) => /^.+:\d+:[0-9a-f]{8}$/.test(id))).toBe(true);
    const answered: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await clientOf(cluster.url).send('GET', '/api/v1/robots?limit=1');
      expect(res.status).toBe(200);
      answered.push(ids.get(answeredBy(res)) ?? -1);
    }
    // Round-robin: each instance 10 times, and never the same one twice in a row.
    expect([0, 1, 2].map((i) => answered.filter((a) => a === i).length)).toEqual([10, 10, 10]);
    expect(answered.some((a, i) => i > 0 && a === answered[i - 1])).toBe(false);
  });

  it('runs a robot created on one instance through claim, progress and completion on the two others', async () => {
    const [a, b, c] = cluster.instances.map((instance) => clientOf(instance.url));
    const module = `ClusterWork${Date.now()}`;
    expect((await a.registerModule(module, ['cluster_work'])).status).toBe(201);
    const created = await a.createRobot({ robot_type: 'cluster_work', input_data: { n: 1 } });
    expect(created.status).toBe(201);
    expect(created.body.module_name).toBe(module);

    const claimed = await b.claim(module, { max_robots: 10 });
    expect(claimed.status).toBe(200);
    expect(claimed.body.map((robot) => robot.robot_id)).toEqual([created.body.robot_id]);
    const [robot] = claimed.body;
    // Another instance sees the claim: nothing is left to claim, and the status is PROCESSING.
    expect((await c.claim(module)).body).toEqual([]);
    expect((await a.getRobot(robot.robot_id)).body.status).toBe('PROCESSING');

    const progress = await c.progress(robot.execute_id, { lease_token: robot.lease_token, progress_percentage: 50 });
    expect(progress.status).toBe(200);
    const done = await a.complete(robot.execute_id, { lease_token: robot.lease_token, output_data: { ok: true } });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('COMPLETED');
    // The status read through each instance (each with its own cache layer over one Redis) agrees.
    for (const instance of [a, b, c]) expect((await instance.getRobot(robot.robot_id)).body.status).toBe('COMPLETED');
    const answeredIds = [answeredBy(created), answeredBy(claimed), answeredBy(progress), answeredBy(done)];
    expect(new Set(answeredIds).size).toBe(3);
  });

  it('shares one rate limit: once the key has spent it, every instance answers 429', async () => {
    const admin = clientOf(cluster.url);
    const issued = await admin.send<{ api_key: string }>('POST', '/api/v1/api-keys', {
      name: `cluster-limit-${Date.now()}`,
      scopes: ['robots:read'],
      rate_limit_per_minute: 9,
    });
    expect(issued.status).toBe(201);
    const limited = clientOf(cluster.url, issued.body.api_key);
    const statuses: number[] = [];
    const by = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const res = await limited.send('GET', '/api/v1/robots?limit=1');
      statuses.push(res.status);
      by.add(answeredBy(res));
    }
    // 9 allowed across the three instances (not 9 each), then 429 from whichever answers.
    expect(statuses).toEqual([...Array(9).fill(200), 429, 429, 429]);
    expect(by.size).toBe(3);
    for (const instance of cluster.instances) {
      const res = await clientOf(instance.url, issued.body.api_key).send('GET', '/api/v1/robots?limit=1');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }
  });

  it('runs each tick of a cron job once, on one of the instances', async () => {
    const since = new Date();
    // The lease sweep ticks every 5 s on all three instances.
    await new Promise((r) => setTimeout(r, 16_000));
    const { rows } = await db.query<{ tick: Date; n: number; instances: string[]; finished: number }>(
      `SELECT tick, count(*)::int AS n, array_agg(instance_id) AS instances, count(outcome)::int AS finished
         FROM job_runs WHERE job_name = 'robots.lease-sweep' AND tick >= $1 GROUP BY tick ORDER BY tick`,
      [since],
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row.n).toBe(1);
      expect(row.finished).toBe(1);
      expect(ids.has(row.instances[0])).toBe(true);
    }
    // Consecutive ticks, none skipped.
    const gaps = rows.slice(1).map((row, i) => row.tick.getTime() - rows[i].tick.getTime());
    expect(gaps.every((gap) => gap === 5_000)).toBe(true);
  });

  it('streams an in-app notification on the instance holding the stream, for an event raised on another', async () => {
    const admin = clientOf(cluster.url);
    const audience = `cluster-ops-${Date.now()}`;
    const module = `ClusterInbox${Date.now()}`;
    const type = `cluster_inbox_${Date.now()}`;
    const subscription = await admin.send('POST', '/api/v1/notifications/subscriptions', {
      channel: 'in_app',
      target: audience,
      event_types: ['robot.completed'],
      filter: { robot_type: type },
    });
    expect(subscription.status).toBe(201);
    const stream = await openStream(`${cluster.url}/api/v1/notifications/stream?audience=${audience}`);
    streams.push(stream);
    expect(stream.status).toBe(200);
    const holder = ids.get(String(stream.headers['x-instance-id']));
    expect(holder).toBeDefined();
    // The robot is created, claimed and completed on the two other instances only.
    const others = cluster.instances.filter((_, i) => i !== holder).map((instance) => clientOf(instance.url));
    expect((await others[0].registerModule(module, [type])).status).toBe(201);
    const created = await others[0].createRobot({ robot_type: type, input_data: {} });
    const [robot] = (await others[1].claim(module)).body;
    expect(robot.robot_id).toBe(created.body.robot_id);
    expect(
      (await others[1].complete(robot.execute_id, { lease_token: robot.lease_token, output_data: {} })).status,
    ).toBe(200);
    const [event] = await stream.waitForEvents(1, 15_000);
    expect(event.event).toBe('notification');
    expect(notificationOf(event).data).toMatchObject({ robot_id: created.body.robot_id });
  });

  it('sends each webhook delivery once, whichever instance claims it', async () => {
    const receiver = await WebhookReceiver.start([]);
    try {
      const admin = clientOf(cluster.url);
      const module = `ClusterHook${Date.now()}`;
      const type = `cluster_hook_${Date.now()}`;
      const subscription = await admin.send<{ subscription_id: string; secret: string }>(
        'POST',
        '/api/v1/notifications/subscriptions',
        {
          channel: 'webhook',
          target: receiver.url('/hooks'),
          event_types: ['robot.created'],
          filter: { robot_type: type },
        },
      );
      expect(subscription.status).toBe(201);
      receiver.secrets = [subscription.body.secret];
      expect((await admin.registerModule(module, [type])).status).toBe(201);
      const robots = 45;
      // Created through nginx: the events are raised on all three instances.
      const created = await Promise.all(
        Array.from({ length: robots }, (_, n) => admin.createRobot({ robot_type: type, input_data: { n } })),
      );
      expect(created.map((res) => res.status)).toEqual(Array(robots).fill(201));
      await eventually(
        async () => receiver.at('/hooks').length,
        (n) => n >= robots,
        30_000,
      );
      await new Promise((r) => setTimeout(r, 1_000)); // a second send would have come by now
      const received = receiver.at('/hooks');
      expect(received).toHaveLength(robots);
      expect(new Set(received.map((hook) => hook.id)).size).toBe(robots);
      expect(received.every((hook) => hook.verifiedWith.length === 1)).toBe(true);
      expect(receiver.maxConcurrentPerId).toBe(1);
      expect(new Set(received.map((hook) => hook.payload.data.robot_id))).toEqual(
        new Set(created.map((res) => res.body.robot_id)),
      );
      const { rows } = await db.query<{ state: string; attempts: number }>(
        `SELECT state::text AS state, attempts FROM notification_deliveries WHERE subscription_id = $1`,
        [subscription.body.subscription_id],
      );
      expect(rows).toHaveLength(robots);
      expect(rows.every((row) => row.state === 'SENT' && row.attempts === 1)).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('watches each mailbox from one instance; when that one is killed another takes it over, and a message is ingested once', async () => {
    const users: DovecotUser[] = [0, 1, 2, 3].map((n) => ({ user: `cluster${n}`, password: `pw-cluster${n}-S3cret` }));
    const dovecot = await Dovecot.start(users);
    try {
      const admin = clientOf(cluster.url);
      const mailboxes: string[] = [];
      for (const user of users) {
        const created = await admin.send<{ mailbox_id: string }>('POST', '/api/v1/email/mailboxes', {
          name: `${user.user}-${Date.now()}`,
          host: '127.0.0.1',
          port: dovecot.port,
          secure: false,
          username: user.user,
          password: user.password,
        });
        expect(created.status).toBe(201);
        mailboxes.push(created.body.mailbox_id);
      }
      const holders = async () =>
        (
          await db.query<{ mailbox_id: string; leased_by: string | null; health: string }>(
            `SELECT mailbox_id::text AS mailbox_id, leased_by, health::text AS health FROM email_mailboxes
              WHERE mailbox_id = ANY($1::uuid[]) ORDER BY mailbox_id`,
            [mailboxes],
          )
        ).rows;
      const watched = await eventually(
        holders,
        (rows) => rows.every((row) => row.leased_by && row.health === 'HEALTHY'),
        20_000,
      );
      expect(watched.map((row) => row.health)).toEqual(Array(4).fill('HEALTHY'));
      expect(watched.every((row) => ids.has(row.leased_by!))).toBe(true);

      // The holder of the first mailbox dies without letting go: its lease runs out, another takes it.
      const [first] = watched;
      const victim = ids.get(first.leased_by!)!;
      await cluster.kill(victim, 'SIGKILL');
      const taken = await eventually(
        async () => (await holders()).find((row) => row.mailbox_id === first.mailbox_id)!,
        (row) => row.leased_by !== first.leased_by && ids.has(row.leased_by ?? '') && row.health === 'HEALTHY',
        MAILBOX_LEASE_MS * 5,
      );
      expect({ ...taken, by: ids.get(taken.leased_by ?? '') }).toMatchObject({ health: 'HEALTHY' });
      expect([undefined, victim]).not.toContain(ids.get(taken.leased_by ?? ''));
      // (the victim stays down: this is the file's last test)
      const user = users[mailboxes.indexOf(first.mailbox_id)];
      const messageId = `cluster.${Date.now()}@test.botfleet`;
      await dovecot.append(user, [
        [
          'From: Sender <sender@example.com>',
          'To: invoices@example.com',
          'Subject: After the takeover',
          `Message-ID: <${messageId}>`,
          'Date: Fri, 04 Dec 2026 01:00:00 +0000',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Please process invoice 42.',
          '',
        ].join('\r\n'),
      ]);
      const ingested = await eventually(
        async () =>
          (
            await db.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM emails WHERE message_id IN ($1::text, '<' || $1::text || '>')`,
              [messageId],
            )
          ).rows[0].n,
        (n) => n >= 1,
        20_000,
      );
      await new Promise((r) => setTimeout(r, 1_000));
      expect(ingested).toBe(1);
      expect(
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM emails WHERE message_id IN ($1::text, '<' || $1::text || '>')`,
            [messageId],
          )
        ).rows[0].n,
      ).toBe(1);
    } finally {
      await dovecot.close();
    }
  }, 120_000);
});

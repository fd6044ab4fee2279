// Notification benchmark (`npm run bench:notify`; needs a built dist/, PostgreSQL and Redis).
//
// It starts the app as `npm start` does on a fresh bf_bench_* database with Redis, and local
// webhook receivers in this process (node:http, one per endpoint) that verify every message with
// the standardwebhooks library, as a real receiver does; a message that does not verify fails the
// run. Deliveries are written by SQL the way the fan-out writes them (one row per event and
// subscription, the Standard Webhooks body as payload) followed by NOTIFY notification_deliveries,
// the wake-up another instance's fan-out sends; the app's dispatcher does everything else: claims,
// signs, sends, records, retries.
//
//   throughput  SUBSCRIPTIONS subscriptions on as many endpoints, a backlog of 30,000 x SCALE
//               deliveries written at once: deliveries per minute from the first write until the
//               receivers have verified the last one.
//   latency     5,000 deliveries per minute, one every 12 ms, for 60 s x SCALE: p99 from a
//               delivery's write (its event) until its receiver had it.
//   failures    20 % of answers are 500; retry schedule shortened to NOTIFY_RETRY_SCHEDULE below;
//               10,000 x SCALE deliveries: the share SENT (not DEAD) once every one has ended.
//   render      p99 of the NOTIFICATION_RENDERER when the app has one; "n/a" until it does.
//
// Each figure is the median of BENCH_RUNS runs (default 3); RSS is the app's peak VmRSS. Targets
// from issue 13 are shown beside each figure; the script exits 1 only when a run fails (a message
// that does not verify, a delivery never ended), never because a target was missed.
// BENCH_SCALE (default 1) scales every size: use 0.05 for a smoke run on a shared machine.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { SecretBox } from '../dist/src/security/secret-box.js';
import { appEnv, appNodeArgs } from './app-command.mjs';
import { runBench } from './lib/databases.mjs';
import { rssSampler, startProcess, stopProcess } from './lib/processes.mjs';
import { fmt, mark, median, percentile, printTable } from './lib/stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const SUBSCRIPTIONS = 10;
const THROUGHPUT_DELIVERIES = Math.max(100, Math.round(30_000 * SCALE));
const LATENCY_PER_MINUTE = 5_000;
const LATENCY_SECONDS = Math.max(5, Math.round(60 * SCALE));
const FAILURE_DELIVERIES = Math.max(100, Math.round(10_000 * SCALE));
const FAILURE_SHARE = 0.2;
const RETRY_SCHEDULE = '0,1,1,2,2,3,3,5';
const WRITE_BATCH = 1_000;
const BENCH_KEY = 'bf_0000be02_bench-admin-key-0123456789abcdefghijklmn';
const SECRETS_KEY = randomBytes(32).toString('base64');
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const failures = [];

/** A receiver on its own port (its own endpoint): verifies, answers 200 or, with `failShare`, 500. */
async function receiver(failShare = 0) {
  const webhook = new Webhook(SECRET);
  const state = { arrivals: new Map(), verified: 0, unverified: 0, failShare };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        webhook.verify(body, request.headers);
        state.verified++;
      } catch {
        state.unverified++;
        response.writeHead(400).end();
        return;
      }
      if (Math.random() < state.failShare) {
        response.writeHead(500).end();
        return;
      }
      const id = request.headers['webhook-id'];
      if (!state.arrivals.has(id)) state.arrivals.set(id, performance.now());
      response.writeHead(204).end();
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${server.address().port}/hook`;
  state.endpoint = `http://127.0.0.1:${server.address().port}`;
  state.close = () => new Promise((ok) => (server.closeAllConnections(), server.close(ok)));
  return state;
}

async function subscribe(db, box, target) {
  const { rows } = await db.query(
    `INSERT INTO notification_subscriptions (channel, target, event_types, secret_ciphertext)
     VALUES ('webhook', $1, ARRAY['robot.*'], $2) RETURNING subscription_id`,
    [target, box.seal(SECRET)],
  );
  return rows[0].subscription_id;
}

let nextEventId = 1;
/** Writes deliveries as the fan-out does, then wakes the dispatchers; returns the write time of each id. */
async function write(db, targets, count) {
  const written = new Map();
  for (let done = 0; done < count; done += WRITE_BATCH) {
    const n = Math.min(WRITE_BATCH, count - done);
    const rows = Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      target: targets[(done + i) % targets.length],
    }));
    const payloads = rows.map(() =>
      JSON.stringify({
        type: 'robot.completed',
        timestamp: new Date().toISOString(),
        data: { robot_id: `BEN_${nextEventId}`, module_name: 'Bench', processing_time_ms: 10 },
      }),
    );
    await db.query(
      `INSERT INTO notification_deliveries (delivery_id, event_id, event_type, subscription_id, channel, endpoint, payload)
       SELECT id, event_id, 'robot.completed', sub, 'webhook', endpoint, payload::jsonb
         FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::text[], $5::text[]) AS v(id, event_id, sub, endpoint, payload)`,
      [
        rows.map((r) => r.id),
        rows.map(() => nextEventId++),
        rows.map((r) => r.target.subscription),
        rows.map((r) => r.target.endpoint),
        payloads,
      ],
    );
    await db.query(`SELECT pg_notify('notification_deliveries', 'bench')`);
    const at = performance.now();
    for (const row of rows) written.set(row.id, at);
  }
  return written;
}

async function until(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(20);
  }
}

async function targetsFor(db, box, receivers) {
  return Promise.all(
    receivers.map(async (r) => ({ subscription: await subscribe(db, box, r.url), endpoint: r.endpoint })),
  );
}

async function throughput(db, box) {
  const receivers = await Promise.all(Array.from({ length: SUBSCRIPTIONS }, () => receiver()));
  try {
    const targets = await targetsFor(db, box, receivers);
    const started = performance.now();
    const written = await write(db, targets, THROUGHPUT_DELIVERIES);
    const got = () => receivers.reduce((sum, r) => sum + r.arrivals.size, 0);
    await until(() => got() >= written.size, 600_000, 'the throughput backlog');
    const last = Math.max(...receivers.flatMap((r) => [...r.arrivals.values()]));
    if (receivers.some((r) => r.unverified)) failures.push('throughput: a message did not verify');
    return (written.size / ((last - started) / 1_000)) * 60;
  } finally {
    await Promise.all(receivers.map((r) => r.close()));
  }
}

async function latency(db, box) {
  const receivers = await Promise.all(Array.from({ length: SUBSCRIPTIONS }, () => receiver()));
  try {
    const targets = await targetsFor(db, box, receivers);
    const gapMs = 60_000 / LATENCY_PER_MINUTE;
    const total = Math.round((LATENCY_SECONDS * 1_000) / gapMs);
    const written = new Map();
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const due = started + i * gapMs;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      for (const [id] of await write(db, [targets[i % targets.length]], 1)) written.set(id, due);
    }
    const arrivals = () => new Map(receivers.flatMap((r) => [...r.arrivals]));
    await until(() => arrivals().size >= written.size, 60_000, 'the paced deliveries');
    const all = arrivals();
    const latencies = [...written].map(([id, due]) => all.get(id) - due).sort((a, b) => a - b);
    if (receivers.some((r) => r.unverified)) failures.push('latency: a message did not verify');
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    await Promise.all(receivers.map((r) => r.close()));
  }
}

async function failing(db, box) {
  const receivers = await Promise.all(Array.from({ length: SUBSCRIPTIONS }, () => receiver(FAILURE_SHARE)));
  try {
    const targets = await targetsFor(db, box, receivers);
    const subscriptions = targets.map((t) => t.subscription);
    await write(db, targets, FAILURE_DELIVERIES);
    const ended = async () => {
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE state = 'SENT')::int AS sent, count(*) FILTER (WHERE state = 'DEAD')::int AS dead
           FROM notification_deliveries WHERE subscription_id = ANY($1::uuid[])`,
        [subscriptions],
      );
      return rows[0];
    };
    await until(
      async () => {
        const { sent, dead } = await ended();
        return sent + dead >= FAILURE_DELIVERIES;
      },
      600_000,
      'every failing delivery ending',
    );
    const { sent } = await ended();
    if (receivers.some((r) => r.unverified)) failures.push('failures: a message did not verify');
    return sent / FAILURE_DELIVERIES;
  } finally {
    await Promise.all(receivers.map((r) => r.close()));
  }
}

async function run(index, databaseUrl) {
  const env = {
    DATABASE_URL: databaseUrl,
    ...appEnv({ key: BENCH_KEY, redisUrl: REDIS_URL }),
    SECRETS_KEY,
    NOTIFY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    NOTIFY_RETRY_SCHEDULE: RETRY_SCHEDULE,
  };
  const app = await startProcess('app', appNodeArgs(), env, '/health/ready');
  const rss = rssSampler(app.pid);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const box = new SecretBox({ get: (key) => ({ SECRETS_KEY, DATABASE_URL: databaseUrl, DATA_DIR: '.' })[key] });
  try {
    const perMinute = await throughput(db, box);
    const paced = await latency(db, box);
    const delivered = await failing(db, box);
    const result = { perMinute, p50: paced.p50, p99: paced.p99, delivered, rssMb: rss.stop() };
    console.error(`run ${index + 1}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    rss.stop();
    await db.end();
    await stopProcess(app);
  }
}

function report(results) {
  const m = (key) => median(results.map((r) => r[key]));
  console.log(
    `\nbench:notify — median of ${results.length} run(s), scale ${SCALE}: ${THROUGHPUT_DELIVERIES} backlog, ` +
      `${LATENCY_SECONDS} s paced, ${FAILURE_DELIVERIES} with ${FAILURE_SHARE * 100} % failing (schedule ${RETRY_SCHEDULE} s)\n`,
  );
  printTable(
    ['figure', 'value', 'target'],
    [
      ['webhook deliveries per minute', fmt(m('perMinute'), 0), `>= 30,000${mark(m('perMinute') >= 30_000)}`],
      ['event-to-delivery p50 at 5,000/min (ms)', fmt(m('p50')), ''],
      ['event-to-delivery p99 at 5,000/min (ms)', fmt(m('p99')), `< 500${mark(m('p99') < 500)}`],
      ['delivered with 20 % failing (%)', fmt(m('delivered') * 100, 3), `> 99.9${mark(m('delivered') > 0.999)}`],
      ['template render p99 (ms)', 'n/a', '< 5 (no NOTIFICATION_RENDERER in this build)'],
      ['app peak RSS (MB)', fmt(m('rssMb'), 0), ''],
    ],
  );
}

await runBench({ adminUrl: PG_ADMIN_URL, runs: RUNS, run, report, failures });

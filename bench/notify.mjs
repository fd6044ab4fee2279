// Notification benchmark (`npm run bench:notify`; needs a built dist/, PostgreSQL and Redis).
//
// It starts the app as `npm start` does on a fresh bf_bench_* database with Redis, and local
// webhook receivers in this process (node:http, one per endpoint) that verify every message with
// the standardwebhooks library, as a real receiver does; a message that does not verify fails the
// run. Events are written by SQL into the events outbox as a state change writes them
// (robot.completed rows, in batches of up to 1,000 as a burst of completions commits them), then
// NOTIFY outbox_events, as another instance announces its writes; the app does everything else: the relay hands them to the fan-out, which writes one delivery per
// matching subscription and wakes the dispatchers, which claim, sign, send, record and retry.
// Each subscription filters on its own module, so every event is one delivery: the worst case
// for the fan-out (one statement per delivery).
//
//   throughput  SUBSCRIPTIONS subscriptions on as many endpoints, a backlog of 30,000 x SCALE
//               events written at once: deliveries per minute from the first write until the
//               receivers have verified the last one.
//   latency     5,000 events per minute, one every 12 ms, for 60 s x SCALE: p50 and p99 from an
//               event's commit until its receiver had the delivery.
//   failures    20 % of answers are 500; retry schedule shortened to NOTIFY_RETRY_SCHEDULE below;
//               10,000 x SCALE events: the share SENT (not DEAD) once every delivery has ended.
//   render      the app's renderer (TemplateService from dist/, shipped templates) in this
//               process: p99 of RENDERS renders of every robot and alert event type, for email
//               (HTML and text), SMS and in-app, in English and Spanish, and of 20-event digests.
//
// Each figure is the median of BENCH_RUNS runs (default 3); RSS is the app's peak VmRSS. Targets
// from issue 13 are shown beside each figure; the script exits 1 only when a run fails (a message
// that does not verify, a delivery never ended), never because a target was missed.
// BENCH_SCALE (default 1) scales every size: use 0.05 for a smoke run on a shared machine.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { SecretBox } from '../dist/src/security/secret-box.js';
import { EVENT_CATALOGUE } from '../dist/src/core/events/event-catalogue.js';
import { sampleEvent } from '../dist/src/notification/templates/sample-events.js';
import { TemplateCompiler } from '../dist/src/notification/templates/template-compiler.js';
import { TemplateOverrides } from '../dist/src/notification/templates/template-overrides.service.js';
import { TemplateService } from '../dist/src/notification/templates/template.service.js';
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
const RENDERS = 20_000;
const SUBSCRIPTION_CACHE_MS = 1_000;
const DIGEST_EVENTS = 20;
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
      const id = JSON.parse(body).data.robot_id;
      if (!state.arrivals.has(id)) state.arrivals.set(id, performance.now());
      response.writeHead(204).end();
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${server.address().port}/hook`;
  state.close = () => new Promise((ok) => (server.closeAllConnections(), server.close(ok)));
  return state;
}

async function subscribe(db, box, target, moduleName) {
  const { rows } = await db.query(
    `INSERT INTO notification_subscriptions (channel, target, event_types, filter, secret_ciphertext)
     VALUES ('webhook', $1, ARRAY['robot.*'], $2::jsonb, $3) RETURNING subscription_id`,
    [target, JSON.stringify({ module_name: moduleName }), box.seal(SECRET)],
  );
  return rows[0].subscription_id;
}

let nextRobot = 1;
/**
 * Writes `count` robot.completed events into the outbox, each for one target's module (so for one
 * subscription); resolves with the commit time of each, by the webhook-id its delivery will carry
 * (the delivery id, chosen by the fan-out, is not known here: the event id is).
 */
async function write(db, targets, count) {
  const written = new Map();
  for (let done = 0; done < count; done += WRITE_BATCH) {
    const n = Math.min(WRITE_BATCH, count - done);
    const modules = Array.from({ length: n }, (_, i) => targets[(done + i) % targets.length].module);
    const robots = modules.map(() => `BEN_${nextRobot++}`);
    const { rows } = await db.query(
      `INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
       SELECT 'robot.completed', 1, robot, module, '{"processing_time_ms": 10}'::jsonb
         FROM unnest($1::text[], $2::text[]) AS v(robot, module)
       RETURNING robot_id`,
      [robots, modules],
    );
    // What another instance's write does after its commit: wake the instance relaying the events.
    await db.query(`SELECT pg_notify('outbox_events', '')`);
    const at = performance.now();
    for (const row of rows) written.set(row.robot_id, at);
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

/**
 * One subscription per receiver, each for its own module (named per scenario, so an earlier
 * scenario's subscriptions match nothing). Written by SQL, so the app's fan-out sees them once its
 * copy of the subscriptions expires (NOTIFY_SUBSCRIPTION_CACHE_MS): waited for here.
 */
async function targetsFor(db, box, receivers, scenario) {
  const targets = await Promise.all(
    receivers.map(async (r, i) => {
      const module = `Bench_${scenario}_${i}`;
      return { subscription: await subscribe(db, box, r.url, module), module };
    }),
  );
  await sleep(SUBSCRIPTION_CACHE_MS + 250);
  return targets;
}

async function throughput(db, box) {
  const receivers = await Promise.all(Array.from({ length: SUBSCRIPTIONS }, () => receiver()));
  try {
    const targets = await targetsFor(db, box, receivers, 'throughput');
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
    const targets = await targetsFor(db, box, receivers, 'latency');
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
    const targets = await targetsFor(db, box, receivers, 'failures');
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

/** The app's renderer with its shipped templates (no stored overrides), as the unit tests build it. */
function renderer() {
  const none = { all: async () => [] };
  const compiler = new TemplateCompiler();
  const overrides = new TemplateOverrides(none, compiler, { get: () => 60_000 });
  return new TemplateService(compiler, overrides);
}

async function render() {
  const service = renderer();
  const types = Object.keys(EVENT_CATALOGUE).filter((type) => /^(robot|alert)\./.test(type));
  const cases = [];
  for (const channel of ['email', 'sms', 'in_app'])
    for (const locale of ['en', 'es']) {
      for (const type of types) cases.push([channel, locale, [sampleEvent(type)]]);
      const digest = Array.from({ length: DIGEST_EVENTS }, (_, i) =>
        sampleEvent(types[i % types.length], undefined, i),
      );
      cases.push([channel, locale, digest]);
    }
  for (const [channel, locale, events] of cases) await service.render(channel, locale, events);
  const timings = [];
  for (let i = 0; i < RENDERS; i++) {
    const [channel, locale, events] = cases[i % cases.length];
    const started = performance.now();
    await service.render(channel, locale, events);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return { renderP50: percentile(timings, 50), renderP99: percentile(timings, 99) };
}

async function run(index, databaseUrl) {
  const env = {
    DATABASE_URL: databaseUrl,
    ...appEnv({ key: BENCH_KEY, redisUrl: REDIS_URL }),
    SECRETS_KEY,
    NOTIFY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    NOTIFY_RETRY_SCHEDULE: RETRY_SCHEDULE,
    NOTIFY_SUBSCRIPTION_CACHE_MS: String(SUBSCRIPTION_CACHE_MS),
  };
  const app = await startProcess('app', appNodeArgs(), env, '/health/ready');
  const rss = rssSampler(app.pid);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const box = new SecretBox({ get: (key) => ({ SECRETS_KEY, DATABASE_URL: databaseUrl, DATA_DIR: '.' })[key] });
  try {
    const perMinute = await throughput(db, box);
    const paced = await latency(db, box);
    const delivered = await failing(db, box);
    const rendered = await render();
    const result = { perMinute, p50: paced.p50, p99: paced.p99, delivered, ...rendered, rssMb: rss.stop() };
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
      ['template render p50 (ms)', fmt(m('renderP50'), 3), ''],
      ['template render p99 (ms)', fmt(m('renderP99'), 3), `< 5${mark(m('renderP99') < 5)}`],
      ['app peak RSS (MB)', fmt(m('rssMb'), 0), ''],
    ],
  );
}

await runBench({ adminUrl: PG_ADMIN_URL, runs: RUNS, run, report, failures });

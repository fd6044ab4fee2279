// Email benchmark (`npm run bench:email`; needs a built dist/, PostgreSQL and Redis).
//
// It starts the app as `npm start` does on a fresh bf_bench_* database with Redis (mailbox
// watching off), trains and activates a classifier over REST on the labelled Enron fixtures
// (test/fixtures/email/enron-dev, 8 classes), maps every class to a robot type, then posts raw
// emails to POST /api/v1/emails from CLIENTS concurrent clients: each goes through parse, dedupe,
// storage, extraction, PII detection, classification and robot creation (no OCR: the stream has
// no document attachments). Figures:
//
//   emails/min     STREAM x SCALE emails from the first post to the last answer.
//   classify p99   the classify step's own time, as each email's audit records it.
//   cache hits     the stream repeats bodies (REPEAT_SHARE of it: the same text under a new
//                  Message-ID, as a system's notifications repeat); the share of all emails, and
//                  of the repeated ones, answered from the classification cache.
//   RSS            the app's peak VmRSS during the stream, and its rise over the idle app.
//
// Each figure is the median of BENCH_RUNS runs (default 3). Targets from issue 15 are printed
// beside them; the script exits 1 only when a run fails (an answer other than 201/200).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { appEnv, appNodeArgs } from './app-command.mjs';
import { runBench } from './lib/databases.mjs';
import { ROOT, rssSampler, startProcess, stopProcess } from './lib/processes.mjs';
import { fmt, mark, median, percentile, printTable } from './lib/stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const STREAM = Math.max(200, Math.round(6_000 * SCALE));
const CLIENTS = 8;
const REPEAT_SHARE = 0.5;
const BENCH_KEY = 'bf_0000be03_bench-admin-key-0123456789abcdefghijklmn';
const ENRON = path.join(ROOT, 'test/fixtures/email/enron-dev');
const failures = [];

/** The labelled Enron mail: [{label, raw}] (the folder is the class). */
function enron() {
  return readdirSync(ENRON)
    .filter((folder) => /^\d+$/.test(folder))
    .flatMap((folder) =>
      readdirSync(path.join(ENRON, folder))
        .filter((file) => file.endsWith('.txt'))
        .map((file) => ({ label: `genre_${folder}`, raw: readFileSync(path.join(ENRON, folder, file), 'latin1') })),
    );
}

const api = async (origin, route, method = 'GET', body) => {
  const res = await fetch(`${origin}/api/v1${route}`, {
    method,
    headers: { 'x-api-key': BENCH_KEY, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
};

/** Trains a model on every example, activates it, and routes each class to a robot type. */
async function train(origin, examples) {
  for (let i = 0; i < examples.length; i += 500) {
    await api(origin, '/email/training/examples/bulk', 'POST', { examples: examples.slice(i, i + 500) });
  }
  const { version } = await api(origin, '/email/training/models', 'POST', {});
  for (;;) {
    const model = await api(origin, `/email/training/models/${version}`);
    if (model.status === 'READY') break;
    if (model.status === 'FAILED') throw new Error(`training failed: ${model.error}`);
    await sleep(200);
  }
  await api(origin, `/email/training/models/${version}/activate`, 'POST', {});
  for (const label of new Set(examples.map((e) => e.label))) {
    await api(origin, `/email/classes/${label}`, 'PUT', { robot_type: `email_${label}`, min_confidence: 0.3 });
  }
}

/**
 * The stream: Enron messages under fresh Message-IDs (so each is a new email, never a duplicate);
 * REPEAT_SHARE of them re-send a body already sent, the rest are each message's first time.
 */
function stream(messages, count, run) {
  const out = [];
  out.repeats = 0;
  for (let i = 0; i < count; i++) {
    const repeat = i > 0 && (i * 7919) % 100 < REPEAT_SHARE * 100;
    if (repeat) out.repeats++;
    const source = messages[repeat ? (i * 31) % Math.min(i, messages.length) : i % messages.length].raw;
    const headerEnd = source.search(/\r?\n\r?\n/);
    const headers = source
      .slice(0, headerEnd)
      .replace(/^message-id:.*(\r?\n[ \t].*)*$/gim, '')
      .replace(/\n{2,}/g, '\n');
    out.push(
      Buffer.from(`Message-ID: <bench-${run}-${i}@bench.botfleet>\n${headers}${source.slice(headerEnd)}`, 'latin1'),
    );
  }
  return out;
}

async function post(origin, queue) {
  const statuses = {};
  const worker = async () => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      const res = await fetch(`${origin}/api/v1/emails`, {
        method: 'POST',
        headers: { 'x-api-key': BENCH_KEY, 'content-type': 'message/rfc822' },
        body: message,
      });
      const body = await res.json();
      statuses[body.status ?? res.status] = (statuses[body.status ?? res.status] ?? 0) + 1;
      if (res.status !== 201 && res.status !== 200)
        failures.push(`POST /emails: ${res.status} ${JSON.stringify(body)}`);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  return statuses;
}

async function run(index, databaseUrl) {
  const env = {
    DATABASE_URL: databaseUrl,
    ...appEnv({ key: BENCH_KEY, redisUrl: REDIS_URL, extra: { EMAIL_MAILBOXES_ENABLED: 'false' } }),
  };
  const app = await startProcess('app', appNodeArgs(), env, '/health/ready');
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const examples = enron();
    await train(app.origin, examples);
    const messages = stream(examples, STREAM, index);
    const repeats = messages.repeats;
    await sleep(1_000);
    const rss = rssSampler(app.pid);
    const idleMb = rss.lap();
    const started = performance.now();
    const statuses = await post(app.origin, messages);
    const seconds = (performance.now() - started) / 1000;
    const peakMb = rss.stop();
    const { rows } = await db.query(
      `SELECT (detail->>'ms')::float AS ms, (detail->>'cached')::boolean AS cached FROM email_audit WHERE step = 'classify'`,
    );
    const timings = rows.map((r) => r.ms).sort((a, b) => a - b);
    const result = {
      perMinute: (STREAM / seconds) * 60,
      classifyP50: percentile(timings, 50),
      classifyP99: percentile(timings, 99),
      cacheHits: rows.filter((r) => r.cached).length / Math.max(1, rows.length),
      repeatHits: rows.filter((r) => r.cached).length / Math.max(1, repeats),
      peakMb,
      riseMb: peakMb - idleMb,
      statuses,
    };
    console.error(`run ${index + 1}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await db.end();
    await stopProcess(app);
  }
}

function report(results) {
  const m = (key) => median(results.map((r) => r[key]));
  console.log(
    `\nbench:email — median of ${results.length} run(s), scale ${SCALE}: ${STREAM} emails from ${CLIENTS} clients, ` +
      `${REPEAT_SHARE * 100} % repeated bodies, classifier trained on ${enron().length} Enron emails\n`,
  );
  printTable(
    ['figure', 'value', 'target'],
    [
      [
        'emails per minute (parse, classify, extract, robot)',
        fmt(m('perMinute'), 0),
        `>= 3,000${mark(m('perMinute') >= 3_000)}`,
      ],
      ['classify p50 (ms)', fmt(m('classifyP50'), 2), ''],
      ['classify p99 (ms)', fmt(m('classifyP99'), 2), ''],
      ['classification cache hits, all emails (%)', fmt(m('cacheHits') * 100), ''],
      ['cache hits among repeated bodies (%)', fmt(m('repeatHits') * 100), `> 70${mark(m('repeatHits') > 0.7)}`],
      ['app peak RSS (MB)', fmt(m('peakMb'), 0), ''],
      ['RSS rise during the stream (MB)', fmt(m('riseMb'), 0), `< 200${mark(m('riseMb') < 200)}`],
    ],
  );
  console.log(`\noutcomes of the last run: ${JSON.stringify(results.at(-1).statuses)}`);
}

await runBench({ adminUrl: PG_ADMIN_URL, runs: RUNS, run, report, failures });

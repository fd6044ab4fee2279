// A queue that does not rot (`npm run bench:history`; needs a built dist/, PostgreSQL and Redis):
// the same figures on empty tables and with HISTORY_ROBOTS finished robots of history (default
// 10,000,000), each with its attempt and HISTORY_EVENTS_PER_ROBOT events (default 3), spread over
// the last 30 days (inside RETENTION_DAYS, so none is purged while the bench runs).
//
// On one fresh bf_bench_* database: the app starts (migrations), the empty figures are taken,
// the app stops, the history is loaded in bulk (INSERT ... SELECT generate_series, in chunks of
// 1,000,000, then VACUUM ANALYZE), the event consumers' cursors are moved past it (it is history,
// already delivered), the app starts again and the figures are taken again. Each figure is the
// median of BENCH_ROUNDS rounds (default 3) within its phase:
//
//   create      1,000 robots by 20 concurrent clients, one POST /robots each: robots/s and p99
//   claim       claims of 10 robots by one worker until 500 are claimed: p50 and p99 per claim
//   status      GET /robots/{id} of 500 robots never read before: p50 and p99
//   list        GET /robots?status=PENDING&limit=50, 50 times: p50
//   dashboard   GET /monitoring/dashboard right after boot (its database figures are cached 30 s
//               after that): one cold call per phase
//   forecast    GET /monitoring/forecast, 10 times (uncached): p50
//
// The target (issue 16) is every figure within 20 % of the empty one.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Pool } from 'undici';
import { appEnv, appNodeArgs } from './app-command.mjs';
import { jsonCaller } from './lib/http.mjs';
import { runBench } from './lib/databases.mjs';
import { startProcess, stopProcess } from './lib/processes.mjs';
import { fmt, median, percentile, printTable } from './lib/stats.mjs';

const HISTORY = Number(process.env.HISTORY_ROBOTS ?? 10_000_000);
const EVENTS_PER_ROBOT = Number(process.env.HISTORY_EVENTS_PER_ROBOT ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CHUNK = 1_000_000;
const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const KEY = 'bf_0000be03_bench-admin-key-0123456789abcdefghijklmn';
const APP_ENV = appEnv({ key: KEY, redisUrl: REDIS_URL, extra: { EXAMPLE_MODULES: '' } });
const failures = [];

const call = jsonCaller(KEY);

async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

async function measure(origin, phase) {
  const client = new Pool(origin, { connections: 20, pipelining: 1 });
  const figures = { phase };
  try {
    figures.dashboard_cold_ms = (await timed(() => call(client, 'GET', '/api/v1/monitoring/dashboard'))).ms;
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const type = `bench_${phase}_${round}`;
      const module = `HistoryBench${phase}${round}`;
      await call(client, 'POST', '/api/v1/modules', {
        module_name: module,
        module_version: '1.0.0',
        supported_robot_types: [type],
        max_concurrent_robots: 10_000,
      });
      // create
      const created = [];
      const createMs = [];
      let issued = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (issued < 1_000) {
            issued++;
            const { ms, value } = await timed(() =>
              call(client, 'POST', '/api/v1/robots', { robot_type: type, input_data: { round } }),
            );
            created.push(value.robot_id);
            createMs.push(ms);
          }
        }),
      );
      const createSeconds = (performance.now() - started) / 1000;
      createMs.sort((a, b) => a - b);
      // status reads of robots never read before
      const statusMs = [];
      for (const id of created.slice(0, 500))
        statusMs.push((await timed(() => call(client, 'GET', `/api/v1/robots/${id}`))).ms);
      statusMs.sort((a, b) => a - b);
      // list
      const listMs = [];
      for (let i = 0; i < 50; i++) {
        listMs.push(
          (await timed(() => call(client, 'GET', `/api/v1/robots?status=PENDING&robot_type=${type}&limit=50`))).ms,
        );
      }
      listMs.sort((a, b) => a - b);
      // claims, each batch completed in one call
      const claimMs = [];
      let claimed = 0;
      while (claimed < 500) {
        const { ms, value } = await timed(() =>
          call(client, 'POST', `/api/v1/modules/${module}/claims`, { max_robots: 10, lease_seconds: 120 }),
        );
        claimMs.push(ms);
        claimed += value.length;
        if (value.length === 0) throw new Error('claim returned nothing');
        await call(client, 'POST', '/api/v1/executions/complete', {
          results: value.map((r) => ({ execute_id: r.execute_id, lease_token: r.lease_token, output_data: {} })),
        });
      }
      claimMs.sort((a, b) => a - b);
      const forecastMs = [];
      for (let i = 0; i < 10; i++)
        forecastMs.push((await timed(() => call(client, 'GET', '/api/v1/monitoring/forecast'))).ms);
      forecastMs.sort((a, b) => a - b);
      rounds.push({
        create_per_s: 1_000 / createSeconds,
        create_p99_ms: percentile(createMs, 99),
        claim_p50_ms: percentile(claimMs, 50),
        claim_p99_ms: percentile(claimMs, 99),
        status_p50_ms: percentile(statusMs, 50),
        status_p99_ms: percentile(statusMs, 99),
        list_p50_ms: percentile(listMs, 50),
        forecast_p50_ms: percentile(forecastMs, 50),
      });
    }
    for (const key of Object.keys(rounds[0])) figures[key] = median(rounds.map((r) => r[key]));
    return figures;
  } finally {
    await client.close();
  }
}

async function loadHistory(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`SET statement_timeout = 0`);
    await db.query(
      `INSERT INTO module_registry (module_id, module_name, module_version, supported_robot_types)
       VALUES ('HistoryBot_1.0.0_bench', 'HistoryBot', '1.0.0', ARRAY['history_a', 'history_b', 'history_c'])`,
    );
    const started = performance.now();
    for (let from = 1; from <= HISTORY; from += CHUNK) {
      const to = Math.min(HISTORY, from + CHUNK - 1);
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO robots (robot_id, robot_type, module_name, status, priority, input_data, output_data, processing_time_ms,
                             created_at, updated_at, started_at, completed_at, next_attempt_at)
         SELECT 'HIST_' || g, (ARRAY['history_a', 'history_b', 'history_c'])[1 + g % 3], 'HistoryBot',
                CASE WHEN g % 20 = 0 THEN 'FAILED'::robot_status_enum ELSE 'COMPLETED'::robot_status_enum END,
                'NORMAL', jsonb_build_object('document', 'invoice-' || g || '.pdf', 'pages', 1 + g % 7),
                jsonb_build_object('ok', true, 'fields', 12), 1000 + g % 5000,
                t, t + interval '3 s', t + interval '1 s', t + interval '3 s', t
           FROM (SELECT g, now() - interval '1 hour' - (g % 2592000) * interval '1 s' AS t
                   FROM generate_series($1::bigint, $2::bigint) g) s`,
        [from, to],
      );
      await db.query(
        `INSERT INTO robot_execute (execute_id, robot_id, module_name, execution_state, started_at, completed_at, duration_ms,
                                    progress_percentage, completed_steps)
         SELECT 'HEXE_' || g, 'HIST_' || g, 'HistoryBot',
                CASE WHEN g % 20 = 0 THEN 'FAILED'::execution_state_enum ELSE 'COMPLETED'::execution_state_enum END,
                t + interval '1 s', t + interval '3 s', 1000 + g % 5000, 100, 1
           FROM (SELECT g, now() - interval '1 hour' - (g % 2592000) * interval '1 s' AS t
                   FROM generate_series($1::bigint, $2::bigint) g) s`,
        [from, to],
      );
      if (EVENTS_PER_ROBOT > 0) {
        await db.query(
          `INSERT INTO events (event_type, robot_id, module_name, payload, created_at)
           SELECT (ARRAY['robot.created', 'robot.started', 'robot.completed'])[1 + k % 3], 'HIST_' || g, 'HistoryBot',
                  '{}'::jsonb, now() - interval '1 hour' - (g % 2592000) * interval '1 s'
             FROM generate_series($1::bigint, $2::bigint) g, generate_series(0, $3::int - 1) k`,
          [from, to, EVENTS_PER_ROBOT],
        );
      }
      await db.query('COMMIT');
      process.stdout.write(
        `  history: ${to.toLocaleString('en-US')} robots (${fmt((performance.now() - started) / 1000, 0)} s)\n`,
      );
    }
    // History is already delivered: the consumers start after it.
    await db.query(
      `UPDATE event_consumers SET last_tx_id = (SELECT max(tx_id) FROM events), last_event_id = (SELECT max(event_id) FROM events)`,
    );
    for (const table of ['robots', 'robot_execute', 'events']) await db.query(`VACUUM ANALYZE ${table}`);
    const { rows } = await db.query(
      `SELECT pg_size_pretty(pg_total_relation_size('robots')) AS robots, pg_size_pretty(pg_total_relation_size('robot_execute')) AS attempts,
              pg_size_pretty(pg_total_relation_size('events')) AS events`,
    );
    return { load_seconds: (performance.now() - started) / 1000, ...rows[0] };
  } finally {
    await db.end();
  }
}

async function run(_index, databaseUrl) {
  const env = { DATABASE_URL: databaseUrl, ...APP_ENV };
  let app = await startProcess('app', appNodeArgs(), env, '/health/ready');
  const empty = await measure(app.origin, 'empty');
  await stopProcess(app);
  console.log(`loading ${HISTORY.toLocaleString('en-US')} robots of history, ${EVENTS_PER_ROBOT} events each...`);
  const load = await loadHistory(databaseUrl);
  app = await startProcess('app', appNodeArgs(), env, '/health/ready');
  const full = await measure(app.origin, 'history');
  await stopProcess(app);
  return { empty, full, load };
}

const ROWS = [
  ['create robots/s', 'create_per_s', true],
  ['create p99 ms', 'create_p99_ms'],
  ['claim p50 ms', 'claim_p50_ms'],
  ['claim p99 ms', 'claim_p99_ms'],
  ['status read p50 ms', 'status_p50_ms'],
  ['status read p99 ms', 'status_p99_ms'],
  ['list p50 ms', 'list_p50_ms'],
  ['dashboard, cold ms', 'dashboard_cold_ms'],
  ['forecast p50 ms', 'forecast_p50_ms'],
];

function report([{ empty, full, load }]) {
  console.log(
    `\nhistory loaded in ${fmt(load.load_seconds, 0)} s: robots ${load.robots}, attempts ${load.attempts}, events ${load.events}`,
  );
  printTable(
    ['figure', 'empty', `${(HISTORY / 1e6).toLocaleString('en-US')} M history`, 'change', 'within 20 %'],
    ROWS.map(([label, key, higherIsBetter]) => {
      const change = full[key] / empty[key] - 1;
      const worse = higherIsBetter ? -change : change;
      return [
        label,
        fmt(empty[key]),
        fmt(full[key]),
        `${change >= 0 ? '+' : ''}${fmt(change * 100)} %`,
        worse <= 0.2 ? 'ok' : 'MISSED',
      ];
    }),
  );
}

await runBench({ adminUrl: PG_ADMIN_URL, runs: 1, run, report, failures });

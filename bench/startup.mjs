// Start-up benchmark for botfleet (`npm run bench:startup`; needs a built dist/).
//
// For each database mode it starts the app as `npm start` does BENCH_RUNS times (default 5) and measures:
//   ready ms    wall time from spawn until GET /health/ready first answers 200
//   listen ms   `started_ms` from the "botfleet listening on" log line (process uptime at listen)
//   RSS MB      VmRSS from /proc/<pid>/status right after ready, and after 20 more /health/ready calls
//   shutdown ms time from SIGTERM until the process exits (SIGKILL after 15 s counts as a failure)
// Modes: embedded-cold (fresh PGlite DATA_DIR per run, so migrations run), embedded-warm (one
// DATA_DIR reused after a priming run), postgres (fresh bf_bench_* database + Redis; skipped
// when PostgreSQL refuses connections). Medians are reported because start-up times are skewed by
// one-off noise (page cache, GC, scheduler); min and max show the spread. Exits 1 if any run failed.
import { spawn } from 'node:child_process';
import { appNodeArgs } from './app-command.mjs';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const READY_TIMEOUT_MS = 60_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;
const failures = [];
const tempDirs = [];

const newDataDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bf-bench-'));
  tempDirs.push(dir);
  return dir;
};
// Unref'd so a pending deadline never keeps the benchmark alive after the last run.
const timeout = (ms) => sleep(ms, 'timeout', { ref: false });
const rssMb = (pid) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** One start → ready → 20 requests → SIGTERM → exit cycle. Returns the figures, or throws. */
async function runOnce(extraEnv) {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extraEnv };
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  if (!extraEnv.REDIS_URL) delete env.REDIS_URL;
  const t0 = performance.now();
  const child = spawn(process.execPath, appNodeArgs(), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let gone = false;
  const exited = new Promise((resolve) =>
    child.once('exit', () => {
      gone = true;
      resolve('exited');
    }),
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  // Keep draining stdout for the whole run (request logs), else the child blocks on a full pipe.
  const listening = new Promise((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.includes('botfleet listening on')) return;
      try {
        const entry = JSON.parse(line);
        resolve({ port: Number(/localhost:(\d+)/.exec(entry.msg)[1]), startedMs: entry.started_ms });
      } catch {
        // a non-JSON line that mentions the phrase: keep waiting for the real one
      }
    });
  });
  try {
    const first = await Promise.race([listening, exited, timeout(READY_TIMEOUT_MS)]);
    if (typeof first === 'string') throw new Error(`no listening line (${first})`);
    const url = `http://127.0.0.1:${first.port}/health/ready`;
    let readyMs;
    while (readyMs === undefined) {
      if (gone) throw new Error('exited before /health/ready answered 200');
      if (performance.now() - t0 > READY_TIMEOUT_MS) throw new Error('not ready within 60 s');
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
      await res?.arrayBuffer();
      if (res?.status === 200) readyMs = performance.now() - t0;
      else await sleep(25);
    }
    const rssReady = rssMb(child.pid);
    for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer();
    const rssAfter = rssMb(child.pid);
    const t1 = performance.now();
    child.kill('SIGTERM');
    if ((await Promise.race([exited, timeout(SHUTDOWN_TIMEOUT_MS)])) === 'timeout')
      throw new Error('did not exit within 15 s of SIGTERM');
    return { readyMs, listenMs: first.startedMs, rssReady, rssAfter, shutdownMs: performance.now() - t1 };
  } catch (error) {
    if (!gone) child.kill('SIGKILL');
    await exited;
    throw new Error(`${error.message}${stderr ? `; stderr: ${stderr.trim()}` : ''}`);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function printTable(mode, results) {
  console.log(`\n${mode}: ${results.length}/${RUNS} runs succeeded`);
  if (!results.length) return;
  const rows = [
    ['ready ms (spawn→ready)', 'readyMs', 0],
    ['listen ms (started_ms)', 'listenMs', 0],
    ['RSS MB after ready', 'rssReady', 1],
    ['RSS MB after 20 requests', 'rssAfter', 1],
    ['shutdown ms', 'shutdownMs', 0],
  ];
  console.log(`  ${'metric'.padEnd(26)}${['median', 'min', 'max'].map((h) => h.padStart(9)).join('')}`);
  for (const [label, key, digits] of rows) {
    const xs = results.map((r) => r[key]);
    const cells = [median(xs), Math.min(...xs), Math.max(...xs)].map((v) => v.toFixed(digits).padStart(9));
    console.log(`  ${label.padEnd(26)}${cells.join('')}`);
  }
}

async function benchMode(mode, envForRun) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    try {
      results.push(await runOnce(envForRun()));
    } catch (error) {
      failures.push(`${mode} run ${i + 1}: ${error.message}`);
    }
  }
  printTable(mode, results);
}

/** Creates a scratch database; returns undefined (mode skipped) if PostgreSQL refuses connections. */
async function createBenchDatabase() {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    if ([error.code, ...(error.errors ?? []).map((e) => e.code)].includes('ECONNREFUSED')) return undefined;
    throw error;
  }
  const name = `bf_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  return { admin, name };
}

console.log(`botfleet start-up benchmark: ${RUNS} runs per mode`);
console.log(
  `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`,
);
try {
  await benchMode('embedded-cold', () => ({ DATA_DIR: newDataDir() }));

  const warmDir = newDataDir();
  await runOnce({ DATA_DIR: warmDir }).catch((error) => failures.push(`embedded-warm priming run: ${error.message}`));
  await benchMode('embedded-warm', () => ({ DATA_DIR: warmDir }));

  const db = await createBenchDatabase();
  if (!db) console.log(`\npostgres: SKIPPED, connection refused at ${PG_ADMIN_URL}`);
  else {
    try {
      const url = `postgres://postgres@127.0.0.1:5432/${db.name}`;
      await benchMode('postgres', () => ({ DATABASE_URL: url, REDIS_URL: 'redis://127.0.0.1:6379' }));
    } finally {
      await db.admin.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`);
      await db.admin.end();
    }
  }
} finally {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n${failures.length} failure(s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}

// Scale-out cost (`npm run bench:cluster`; needs a built dist/, PostgreSQL, Redis and nginx): the
// same load through nginx (rendered from docker/nginx.conf) in front of 1 and then 3 app instances
// on one PostgreSQL and Redis, each on a fresh bf_bench_* database.
//
//   create       20 s of robot creation by 50 concurrent clients (one POST /robots each): robots/s
//   end to end   BENCH_JOBS (3,000) robots created in bulk, then 6 remote workers through nginx
//                claiming 50 at a time and completing each batch in one call: robots/s from the
//                workers' start to the last completion
//
// With the client, nginx, the instances and PostgreSQL on one 2-core machine the total cannot
// grow with instances; the figure that matters is the CPU each robot costs the instances together
// (app µs/robot) and the drop in throughput: what coordinating 3 instances adds (leases, claims,
// shared limits in Redis, LISTEN/NOTIFY). Medians of BENCH_RUNS (3).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Pool } from 'undici';
import { appEnv, appNodeArgs } from './app-command.mjs';
import { jsonCaller } from './lib/http.mjs';
import { Nginx } from './lib/nginx.mjs';
import { cpuMs, freePort, killAll, startProcess, stopProcess } from './lib/processes.mjs';
import { fmt, median, printTable } from './lib/stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const JOBS = Number(process.env.BENCH_JOBS ?? 3_000);
const CREATE_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const KEY = 'bf_0000be04_bench-admin-key-0123456789abcdefghijklmn';

const call = jsonCaller(KEY);

async function cluster(instances, databaseUrl, prefix) {
  const env = appEnv({
    key: KEY,
    redisUrl: REDIS_URL,
    extra: { DATABASE_URL: databaseUrl, EXAMPLE_MODULES: '', CACHE_KEY_PREFIX: prefix },
  });
  const apps = [];
  // One at a time: the first applies the migrations.
  for (let i = 0; i < instances; i++) apps.push(await startProcess(`app${i}`, appNodeArgs(), env, '/health/ready'));
  const dir = mkdtempSync(join(tmpdir(), 'bf-bench-nginx-'));
  const nginx = new Nginx(dir, await freePort());
  await nginx.start(apps.map((app) => app.origin.replace('http://', '')));
  return {
    url: nginx.url,
    appCpuMs: () => apps.reduce((sum, app) => sum + cpuMs(app.pid), 0),
    async stop() {
      await nginx.stop();
      for (const app of apps) await stopProcess(app);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function measure(instances, databaseUrl) {
  const fleet = await cluster(instances, databaseUrl, `bfbench_${randomBytes(3).toString('hex')}`);
  const client = new Pool(fleet.url, { connections: 60, pipelining: 1 });
  try {
    await call(client, 'POST', '/api/v1/modules', {
      module_name: 'ClusterBench',
      module_version: '1.0.0',
      supported_robot_types: ['cluster_work'],
      max_concurrent_robots: 10_000,
    });
    // create
    let created = 0;
    let cpu = fleet.appCpuMs();
    const until = performance.now() + CREATE_SECONDS * 1000;
    let started = performance.now();
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (performance.now() < until) {
          await call(client, 'POST', '/api/v1/robots', { robot_type: 'cluster_create', input_data: { n: created } });
          created++;
        }
      }),
    );
    const createPerS = created / ((performance.now() - started) / 1000);
    const createCpuUs = ((fleet.appCpuMs() - cpu) * 1000) / created;
    // end to end
    for (let sent = 0; sent < JOBS; sent += 1_000) {
      const robots = Array.from({ length: Math.min(1_000, JOBS - sent) }, (_, i) => ({
        robot_type: 'cluster_work',
        input_data: { i },
      }));
      await call(client, 'POST', '/api/v1/robots/bulk', { robots });
    }
    let done = 0;
    cpu = fleet.appCpuMs();
    started = performance.now();
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (done < JOBS) {
          const claimed = await call(client, 'POST', '/api/v1/modules/ClusterBench/claims', {
            max_robots: 50,
            wait_ms: 200,
          });
          if (claimed.length === 0) continue;
          await call(client, 'POST', '/api/v1/executions/complete', {
            results: claimed.map((r) => ({ execute_id: r.execute_id, lease_token: r.lease_token, output_data: {} })),
          });
          done += claimed.length;
        }
      }),
    );
    const e2ePerS = JOBS / ((performance.now() - started) / 1000);
    const e2eCpuUs = ((fleet.appCpuMs() - cpu) * 1000) / JOBS;
    return { createPerS, createCpuUs, e2ePerS, e2eCpuUs };
  } finally {
    await client.close();
    await fleet.stop();
  }
}

async function main() {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const results = { 1: [], 3: [] };
  try {
    for (let run = 0; run < RUNS; run++) {
      // Alternating order, so neither size always runs on a warmer machine.
      for (const instances of run % 2 ? [3, 1] : [1, 3]) {
        const database = `bf_bench_${randomBytes(4).toString('hex')}`;
        await admin.query(`CREATE DATABASE ${database}`);
        try {
          results[instances].push(await measure(instances, PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`)));
        } finally {
          await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        }
        process.stdout.write(`  run ${run + 1}: ${instances} instance(s) done\n`);
      }
    }
  } finally {
    killAll();
    await admin.end();
  }
  const m = (n, key) => median(results[n].map((r) => r[key]));
  const row = (label, key, unit) => {
    const change = m(3, key) / m(1, key) - 1;
    return [label, fmt(m(1, key)), fmt(m(3, key)), `${change >= 0 ? '+' : ''}${fmt(change * 100)} %`, unit];
  };
  printTable(
    ['figure', '1 instance', '3 instances', 'change', ''],
    [
      row('create robots/s', 'createPerS', 'through nginx, 50 clients'),
      row('create, app CPU per robot', 'createCpuUs', 'µs, all instances'),
      row('end to end robots/s', 'e2ePerS', '6 workers, batch complete'),
      row('end to end, app CPU per robot', 'e2eCpuUs', 'µs, all instances'),
    ],
  );
}

await main();

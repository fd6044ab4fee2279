// pg-boss used as a library the way its README shows (start, createQueue, send, work), in a fresh
// schema that pg-boss creates and this module drops, so every call starts clean.
//
//   send_per_s     no worker running: `producers` concurrent loops send `jobs` jobs in total, one
//                  `boss.send` per job; jobs / seconds from the first send until the last resolved.
//   e2e_per_s      then `workers` separate `boss.work` subscriptions (batchSize, polling every 0.5 s)
//                  with a no-op handler; jobs / seconds from their start until pg-boss shows every job
//                  completed (the handler returning is not enough: pg-boss marks a batch completed
//                  after its handler resolves, without awaiting it).
//   pickup_p50/99  one idle worker polling every 0.5 s (the minimum pg-boss allows) on its own queue;
//                  a job sent every `pickupIntervalMs`, `pickupSamples` times, each timed from its
//                  send until the handler runs. Nearest-rank percentiles, ms.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { TIMEOUT_MS, latencyFigures, sendStamped, tally, timeSends, until } from './common.mjs';

const { version } = createRequire(import.meta.url)('pg-boss/package.json');
const POLLING_INTERVAL_SECONDS = 0.5;
const IDLE_SETTLE_MS = 200;

export async function benchPgBoss({
  databaseUrl,
  jobs = 5000,
  producers = 100,
  workers = 10,
  batchSize = 100,
  pickupSamples = 40,
  pickupIntervalMs = 50,
}) {
  const schema = `pgboss_bench_${randomBytes(6).toString('hex')}`;
  const boss = new PgBoss({ connectionString: databaseUrl, schema });
  // pg-boss reports worker and maintenance failures as 'error' events; unheard, one would crash the process.
  boss.on('error', (err) => console.error(`pg-boss ${schema}:`, err.message));
  try {
    await boss.start();
    const throughput = await measureThroughput(boss, { jobs, producers, workers, batchSize });
    const pickup = await measurePickup(boss, { batchSize, pickupSamples, pickupIntervalMs });
    return { name: `pg-boss ${version}`, ...throughput, ...pickup };
  } finally {
    // Every job is completed by now, so nothing is lost by not waiting for work in progress.
    await boss.stop({ graceful: false });
    await dropSchema(databaseUrl, schema);
  }
}

async function measureThroughput(boss, { jobs, producers, workers, batchSize }) {
  const queue = 'bench-e2e';
  await boss.createQueue(queue);
  const sendSeconds = await timeSends({ jobs, producers, send: (data) => boss.send(queue, data) });

  const handled = tally(jobs);
  const started = performance.now();
  for (let i = 0; i < workers; i++) {
    await boss.work(queue, { batchSize, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS }, async (batch) => {
      for (const job of batch) handled.add(job.id);
    });
  }
  await handled.wait('pg-boss e2e');
  await allCompleted(boss, queue, started + TIMEOUT_MS);
  const e2eSeconds = (performance.now() - started) / 1000;
  await boss.offWork(queue);
  return { send_per_s: jobs / sendSeconds, e2e_per_s: jobs / e2eSeconds };
}

async function measurePickup(boss, { batchSize, pickupSamples, pickupIntervalMs }) {
  const queue = 'bench-pickup';
  await boss.createQueue(queue);
  const picked = tally(pickupSamples);
  // A batch as large as the e2e one, so a poll takes every job waiting and the figure is the polling
  // delay, not a backlog of one job per poll.
  const options = { batchSize, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS };
  await boss.work(queue, options, async (batch) => {
    const now = performance.now();
    for (const job of batch) picked.add(job.id, now - job.data.sentAt);
  });
  await sleep(IDLE_SETTLE_MS);
  await sendStamped({ samples: pickupSamples, intervalMs: pickupIntervalMs, send: (data) => boss.send(queue, data) });
  await picked.wait('pg-boss pickup');
  await allCompleted(boss, queue, performance.now() + TIMEOUT_MS);
  await boss.offWork(queue);
  return latencyFigures(picked.values());
}

/** No job of `queue` is still created, retrying or active. */
function allCompleted(boss, queue, deadline) {
  return until(async () => (await boss.getQueueSize(queue, { before: 'completed' })) === 0, {
    deadline,
    message: () => `pg-boss ${queue}: jobs still not completed after ${TIMEOUT_MS / 1000} s`,
  });
}

async function dropSchema(databaseUrl, schema) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

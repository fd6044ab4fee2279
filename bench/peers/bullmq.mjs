// BullMQ used as a library the way its docs show (Queue.add, Worker with concurrency), on queues
// under a key prefix unique to each call, obliterated at the end, so every call starts clean.
//
//   send_per_s     no worker running: `producers` concurrent loops add `jobs` jobs in total, one
//                  `queue.add` per job; jobs / seconds from the first add until the last resolved.
//   e2e_per_s      then one Worker with `concurrency` and a no-op processor; jobs / seconds from its
//                  start until its 'completed' event fired for every job (BullMQ emits it once the
//                  job is stored as completed).
//   pickup_p50/99  one idle Worker with default settings on its own queue; a job added every
//                  `pickupIntervalMs`, `pickupSamples` times, each timed from its add until the
//                  processor runs. Nearest-rank percentiles, ms.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, Worker } from 'bullmq';
import { latencyFigures, sendStamped, tally, timeSends } from './common.mjs';

const { version } = createRequire(import.meta.url)('bullmq/package.json');
const JOB_NAME = 'ocr';
const IDLE_SETTLE_MS = 200;

export async function benchBullMQ({
  redisUrl,
  jobs = 5000,
  producers = 100,
  concurrency = 100,
  pickupSamples = 40,
  pickupIntervalMs = 50,
}) {
  const base = { connection: redisConnection(redisUrl), prefix: `bullmq_bench_${randomBytes(6).toString('hex')}` };
  const open = [];
  try {
    const throughput = await measureThroughput(base, open, { jobs, producers, concurrency });
    const pickup = await measurePickup(base, open, { pickupSamples, pickupIntervalMs });
    return { name: `BullMQ ${version}`, ...throughput, ...pickup };
  } finally {
    await closeAll(open);
  }
}

/** Workers block on Redis, so BullMQ requires `maxRetriesPerRequest: null` on their connection. */
function redisConnection(redisUrl) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: Number(url.pathname.slice(1) || 0),
    ...(url.username && { username: decodeURIComponent(url.username) }),
    ...(url.password && { password: decodeURIComponent(url.password) }),
    maxRetriesPerRequest: null,
  };
}

async function measureThroughput(base, open, { jobs, producers, concurrency }) {
  const queue = track(open, new Queue('bench-e2e', base));
  await queue.waitUntilReady();
  const sendSeconds = await timeSends({ jobs, producers, send: (data) => queue.add(JOB_NAME, data) });

  const completed = tally(jobs);
  // Not autorun: the worker's connections are opened before the clock starts, as pg-boss's pool is.
  const worker = startWorker(open, queue.name, async () => {}, { ...base, concurrency, autorun: false });
  worker.on('completed', (job) => completed.add(job.id));
  await worker.waitUntilReady();
  const started = performance.now();
  worker.run();
  await completed.wait('BullMQ e2e');
  const e2eSeconds = (performance.now() - started) / 1000;
  await worker.close();
  return { send_per_s: jobs / sendSeconds, e2e_per_s: jobs / e2eSeconds };
}

async function measurePickup(base, open, { pickupSamples, pickupIntervalMs }) {
  const queue = track(open, new Queue('bench-pickup', base));
  await queue.waitUntilReady();
  const picked = tally(pickupSamples);
  const processor = async (job) => picked.add(job.id, performance.now() - job.data.sentAt);
  const worker = startWorker(open, queue.name, processor, base);
  await worker.waitUntilReady();
  await sleep(IDLE_SETTLE_MS);
  await sendStamped({
    samples: pickupSamples,
    intervalMs: pickupIntervalMs,
    send: (data) => queue.add(JOB_NAME, data),
  });
  await picked.wait('BullMQ pickup');
  await worker.close();
  return latencyFigures(picked.values());
}

function startWorker(open, name, processor, options) {
  const worker = track(open, new Worker(name, processor, options));
  // An 'error' event nobody listens to would crash the process instead of failing the bench.
  worker.on('error', (err) => console.error(`BullMQ worker ${name}:`, err.message));
  return worker;
}

function track(open, resource) {
  open.push(resource);
  return resource;
}

/** Workers first, so no job is being moved while its queue is obliterated; closing twice is harmless. */
async function closeAll(open) {
  const workers = open.filter((r) => r instanceof Worker);
  const queues = open.filter((r) => r instanceof Queue);
  await Promise.all(workers.map((w) => w.close()));
  for (const queue of queues) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

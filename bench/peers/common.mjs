// What the peer benches share, so pg-boss and BullMQ are driven and timed the same way.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export const TIMEOUT_MS = 120_000;

export const payload = (i) => ({ document: `invoice-2026-${String(i).padStart(4, '0')}.pdf`, pages: 3 });

/** `producers` loops share one counter, so exactly `jobs` sends happen, one job per call; returns seconds. */
export async function timeSends({ jobs, producers, send }) {
  let next = 0;
  const loop = async () => {
    while (next < jobs) await send(payload(next++));
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(producers, jobs) }, loop));
  return (performance.now() - started) / 1000;
}

/**
 * Distinct job ids seen by a handler or a completed event: a job delivered twice still counts once,
 * so `size === total` means every job was seen.
 */
export function tally(total) {
  const seen = new Map();
  let resolve;
  const all = new Promise((r) => (resolve = r));
  return {
    add(id, value) {
      if (seen.has(id)) return;
      seen.set(id, value);
      if (seen.size === total) resolve();
    },
    values: () => [...seen.values()],
    wait: (label, timeoutMs = TIMEOUT_MS) =>
      withTimeout(all, timeoutMs, () => `${label}: ${seen.size} of ${total} jobs seen after ${timeoutMs / 1000} s`),
  };
}

/** The timer is cleared either way, so a finished wait leaves no handle keeping the process alive. */
export async function withTimeout(promise, timeoutMs, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` every `everyMs` until it holds; throws `message()` once `deadline` (performance.now) passed. */
export async function until(check, { deadline, message, everyMs = 2 }) {
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(message());
    await sleep(everyMs);
  }
}

/**
 * Sends `samples` jobs on a fixed schedule (`intervalMs` apart, not waiting for one send to resolve
 * before the next is due), each stamped with its send time for the handler to subtract.
 */
export async function sendStamped({ samples, intervalMs, send }) {
  const started = performance.now();
  const sends = [];
  for (let i = 0; i < samples; i++) {
    const wait = started + i * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    sends.push(send({ ...payload(i), sentAt: performance.now() }));
  }
  await Promise.all(sends);
}

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

export function latencyFigures(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { pickup_p50_ms: percentile(sorted, 50), pickup_p99_ms: percentile(sorted, 99) };
}

import { Injectable } from '@nestjs/common';
import { Operation } from './operations.js';

/** Seeds: throughput and latency over a rolling minute. */
export const WINDOW_SECONDS = 60;
/** Latency samples kept per operation; percentiles come from the newest of these within the window. */
export const RESERVOIR_SIZE = 2048;

export interface OperationStats {
  operation: Operation;
  count: number;
  /** Share of calls not answered 5xx; 1 when there were none. */
  success_rate: number;
  /** Calls per second over the window. */
  throughput: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}

/** Per-second buckets (counts) plus a ring of recent samples (latencies), all preallocated. */
class OperationWindow {
  private readonly second = new Float64Array(WINDOW_SECONDS);
  private readonly calls = new Uint32Array(WINDOW_SECONDS);
  private readonly failures = new Uint32Array(WINDOW_SECONDS);
  private readonly latency = new Float64Array(RESERVOIR_SIZE);
  private readonly at = new Float64Array(RESERVOIR_SIZE);
  private next = 0;

  record(nowMs: number, durationMs: number, ok: boolean): void {
    const sec = Math.floor(nowMs / 1000);
    const slot = sec % WINDOW_SECONDS;
    if (this.second[slot] !== sec) {
      this.second[slot] = sec;
      this.calls[slot] = 0;
      this.failures[slot] = 0;
    }
    this.calls[slot]++;
    if (!ok) this.failures[slot]++;
    this.latency[this.next] = durationMs;
    this.at[this.next] = nowMs;
    this.next = (this.next + 1) % RESERVOIR_SIZE;
  }

  stats(operation: Operation, nowMs: number): OperationStats {
    const sec = Math.floor(nowMs / 1000);
    let count = 0;
    let failed = 0;
    for (let i = 0; i < WINDOW_SECONDS; i++) {
      if (sec - this.second[i] < WINDOW_SECONDS && this.calls[i] > 0) {
        count += this.calls[i];
        failed += this.failures[i];
      }
    }
    const since = nowMs - WINDOW_SECONDS * 1000;
    const recent: number[] = [];
    for (let i = 0; i < RESERVOIR_SIZE; i++) if (this.at[i] > since) recent.push(this.latency[i]);
    recent.sort((a, b) => a - b);
    return {
      operation,
      count,
      success_rate: count === 0 ? 1 : (count - failed) / count,
      throughput: count / WINDOW_SECONDS,
      p50_ms: percentile(recent, 0.5),
      p95_ms: percentile(recent, 0.95),
      p99_ms: percentile(recent, 0.99),
    };
  }
}

/** Nearest-rank percentile of sorted values; 0 when there are none. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * The seeds' PerformanceTracker: rolling p50/p95/p99, success rate and throughput per named
 * operation over the last minute. Recording is O(1) and allocates nothing; the cost is paid by
 * `snapshot()`, which the dashboard calls rarely.
 */
@Injectable()
export class PerformanceTracker {
  private readonly windows = new Map<Operation, OperationWindow>(
    Object.values(Operation).map((operation) => [operation, new OperationWindow()]),
  );

  constructor(private readonly now: () => number = Date.now) {}

  record(operation: Operation, durationMs: number, ok: boolean): void {
    this.windows.get(operation)?.record(this.now(), durationMs, ok);
  }

  snapshot(): OperationStats[] {
    const now = this.now();
    return [...this.windows].map(([operation, window]) => window.stats(operation, now));
  }
}

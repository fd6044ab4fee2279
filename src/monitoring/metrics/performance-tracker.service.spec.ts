import { describe, expect, it } from '@jest/globals';
import { Operation } from './operations.js';
import { percentile, PerformanceTracker, RESERVOIR_SIZE, WINDOW_SECONDS } from './performance-tracker.service.js';

function trackerAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, tracker: new PerformanceTracker(() => clock.now) };
}

const statsOf = (tracker: PerformanceTracker, operation: Operation) =>
  tracker.snapshot().find((s) => s.operation === operation)!;

describe('PerformanceTracker', () => {
  it('reports every named operation, empty ones as zero calls and full success', () => {
    const { tracker } = trackerAt();
    expect(tracker.snapshot().map((s) => s.operation)).toEqual(Object.values(Operation));
    expect(statsOf(tracker, Operation.HealthCheck)).toEqual({
      operation: Operation.HealthCheck,
      count: 0,
      success_rate: 1,
      throughput: 0,
      p50_ms: 0,
      p95_ms: 0,
      p99_ms: 0,
    });
  });

  it('computes nearest-rank percentiles, success rate and throughput over the window', () => {
    const { clock, tracker } = trackerAt();
    for (let ms = 1; ms <= 100; ms++) {
      tracker.record(Operation.RobotCreation, ms, ms % 10 !== 0);
      clock.now += 100;
    }
    const stats = statsOf(tracker, Operation.RobotCreation);
    expect(stats).toMatchObject({ count: 100, p50_ms: 50, p95_ms: 95, p99_ms: 99 });
    expect(stats.success_rate).toBeCloseTo(0.9);
    expect(stats.throughput).toBeCloseTo(100 / WINDOW_SECONDS);
    expect(statsOf(tracker, Operation.StatusRead).count).toBe(0);
  });

  it('forgets calls older than the window', () => {
    const { clock, tracker } = trackerAt();
    tracker.record(Operation.ModuleSelection, 500, false);
    clock.now += 30_000;
    tracker.record(Operation.ModuleSelection, 5, true);
    expect(statsOf(tracker, Operation.ModuleSelection)).toMatchObject({ count: 2, p99_ms: 500, success_rate: 0.5 });
    clock.now += 31_000;
    expect(statsOf(tracker, Operation.ModuleSelection)).toMatchObject({ count: 1, p99_ms: 5, success_rate: 1 });
    clock.now += 60_000;
    expect(statsOf(tracker, Operation.ModuleSelection)).toMatchObject({ count: 0, p50_ms: 0 });
  });

  it('reuses a second bucket a full window later instead of adding to it', () => {
    const { clock, tracker } = trackerAt();
    tracker.record(Operation.ProgressTracking, 1, true);
    clock.now += WINDOW_SECONDS * 1000;
    tracker.record(Operation.ProgressTracking, 1, true);
    expect(statsOf(tracker, Operation.ProgressTracking).count).toBe(1);
  });

  it('keeps counting beyond the reservoir, taking percentiles from the newest samples', () => {
    const { tracker } = trackerAt();
    for (let i = 0; i < RESERVOIR_SIZE; i++) tracker.record(Operation.HealthCheck, 1000, true);
    for (let i = 0; i < RESERVOIR_SIZE; i++) tracker.record(Operation.HealthCheck, 2, true);
    expect(statsOf(tracker, Operation.HealthCheck)).toMatchObject({ count: 2 * RESERVOIR_SIZE, p99_ms: 2 });
  });
});

describe('percentile', () => {
  it('is nearest-rank on sorted values', () => {
    expect(percentile([], 0.5)).toBe(0);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.99)).toBe(4);
  });
});

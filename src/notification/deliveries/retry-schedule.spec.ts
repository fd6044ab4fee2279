import { describe, expect, it } from '@jest/globals';
import { nextRetry } from './retry-schedule.js';

const middle = () => 0.5;

describe('retry schedule', () => {
  // Parsing NOTIFY_RETRY_SCHEDULE is the settings' job (notification.settings.spec.ts).
  it('waits schedule[n] after attempt n failed, and is DEAD after the last attempt', () => {
    const schedule = [0, 5, 300];
    expect(nextRetry(1, schedule, 0)).toEqual({ dead: false, delayMs: 5_000 });
    expect(nextRetry(2, schedule, 0)).toEqual({ dead: false, delayMs: 300_000 });
    expect(nextRetry(3, schedule, 0)).toEqual({ dead: true });
    // A lease that expired mid-send counts as an attempt too.
    expect(nextRetry(4, schedule, 0)).toEqual({ dead: true });
  });

  it('spreads each wait by ± the jitter fraction', () => {
    expect(nextRetry(1, [0, 100], 0.2, undefined, () => 0)).toEqual({ dead: false, delayMs: 80_000 });
    expect(nextRetry(1, [0, 100], 0.2, undefined, () => 1)).toEqual({ dead: false, delayMs: 120_000 });
    expect(nextRetry(1, [0, 100], 0.2, undefined, middle)).toEqual({ dead: false, delayMs: 100_000 });
  });

  it('never retries before a Retry-After, and never earlier than the schedule because of one', () => {
    expect(nextRetry(1, [0, 5], 0, 2_000)).toEqual({ dead: false, delayMs: 5_000 });
    expect(nextRetry(1, [0, 1], 0, 2_000)).toEqual({ dead: false, delayMs: 2_000 });
    expect(nextRetry(2, [0, 1], 0, 2_000)).toEqual({ dead: true });
  });
});

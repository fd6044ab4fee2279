import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_DISABLE_AFTER_HOURS,
  DEFAULT_RETRY_SCHEDULE,
  nextRetry,
  parseRetrySchedule,
  retryPolicyFromEnvironment,
} from './retry-schedule.js';

const middle = () => 0.5;

describe('retry schedule', () => {
  it('defaults to the Standard Webhooks schedule and five days before disabling', () => {
    expect(retryPolicyFromEnvironment({})).toEqual({
      schedule: [0, 5, 300, 1_800, 7_200, 18_000, 36_000, 36_000],
      disableAfterHours: 120,
    });
    expect(DEFAULT_RETRY_SCHEDULE).toHaveLength(8);
    expect(DEFAULT_DISABLE_AFTER_HOURS).toBe(120);
  });

  it('reads a shortened schedule and disable time from the environment', () => {
    expect(retryPolicyFromEnvironment({ NOTIFY_RETRY_SCHEDULE: '0, 1,2', NOTIFY_DISABLE_AFTER_HOURS: '0.5' })).toEqual({
      schedule: [0, 1, 2],
      disableAfterHours: 0.5,
    });
  });

  it.each(['', '1,,2', '-1', '1.5', 'x', '0,999999999', Array(51).fill('1').join(',')])('refuses %j', (text) => {
    expect(() => parseRetrySchedule(text)).toThrow(/^NOTIFY_RETRY_SCHEDULE: /);
  });

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

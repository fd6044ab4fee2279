import { describe, expect, it } from '@jest/globals';
import { reconnectDelay } from './reconnect-backoff.js';

describe('reconnect backoff', () => {
  it('doubles from 1 s per failure up to the maximum, without jitter at random() = 0', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => reconnectDelay(n, 60_000, () => 0));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('adds up to a quarter at random, never past the maximum nor below 1 s', () => {
    expect(reconnectDelay(1, 60_000, () => 0.999)).toBe(1_250);
    expect(reconnectDelay(3, 60_000, () => 0.5)).toBe(4_500);
    expect(reconnectDelay(6, 60_000, () => 0.999)).toBe(39_992);
    expect(reconnectDelay(7, 60_000, () => 0.999)).toBe(60_000);
    expect(reconnectDelay(0, 60_000, () => 0)).toBe(1_000);
    expect(reconnectDelay(1, 1_000, () => 0.999)).toBe(1_000);
  });

  it('stays finite after very many failures', () => {
    expect(reconnectDelay(10_000, 3_600_000)).toBeLessThanOrEqual(3_600_000);
  });

  it('spreads mailboxes that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => reconnectDelay(4, 60_000)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(8_000);
  });
});

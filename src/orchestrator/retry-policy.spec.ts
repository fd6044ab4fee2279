import { describe, expect, it } from '@jest/globals';
import { ErrorCategory } from '../sdk/index.js';
import { backoffMs, isRetryable } from './retry-policy.js';

describe('retry policy', () => {
  it('retries system errors and never business ones', () => {
    expect(isRetryable(ErrorCategory.Validation)).toBe(false);
    expect(isRetryable(ErrorCategory.Timeout)).toBe(true);
    expect(isRetryable(ErrorCategory.ExternalApi)).toBe(true);
    expect(isRetryable(ErrorCategory.System)).toBe(true);
  });

  it('doubles the delay per retry, between half and all of it, up to the cap', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, 1_000, 60_000, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([0, 1, 2, 3].map((n) => backoffMs(n, 1_000, 60_000, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffMs(20, 1_000, 60_000, () => 1)).toBe(60_000);
    expect(backoffMs(2, 0, 60_000)).toBe(0);
  });
});

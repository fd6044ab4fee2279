import { describe, expect, it } from '@jest/globals';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after.js';

const NOW = Date.parse('2026-12-02T10:00:00Z');

describe('Retry-After', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2_000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter(['7', '9'], NOW)).toBe(7_000);
  });

  it('reads an HTTP date, as the time left until it (none when it is past)', () => {
    expect(parseRetryAfter('Wed, 02 Dec 2026 10:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Wednesday, 02-Dec-26 10:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it('caps what a receiver can ask at a day', () => {
    expect(parseRetryAfter('999999999', NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(MAX_RETRY_AFTER_MS);
  });

  it.each([undefined, '', 'soon', '-5', '1.5', '2026-12-02', 'NaN'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

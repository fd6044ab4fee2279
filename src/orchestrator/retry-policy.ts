import { ErrorCategory } from '../sdk/index.js';

/** Business errors will fail again whatever we do; system errors may pass on a later attempt. */
export function isRetryable(category: ErrorCategory): boolean {
  return category !== ErrorCategory.Validation;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of
 * robots that failed together spread out but never come back sooner than half the base curve.
 */
export function backoffMs(
  retryCount: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, retryCount));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

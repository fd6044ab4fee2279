/**
 * When a failed delivery is tried again. The schedule is a list of waits in seconds, one per
 * attempt: attempt n (1-based) waits `schedule[n - 1]` after the previous one failed, so the first
 * entry is the wait before the first attempt (0: at once) and a delivery has `schedule.length`
 * attempts in all. After the last one fails it is DEAD.
 * The global schedule is NOTIFY_RETRY_SCHEDULE (notification.settings.ts); a subscription may
 * carry its own.
 */

export interface RetryPolicy {
  schedule: readonly number[];
  disableAfterHours: number;
}

export type RetryDecision = { dead: true } | { dead: false; delayMs: number };

/**
 * After attempt `attempt` failed: DEAD when it was the last one of `schedule`, else the wait before
 * the next, ± `jitter` of it, and never before `retryAfterMs` (a receiver's Retry-After).
 */
export function nextRetry(
  attempt: number,
  schedule: readonly number[],
  jitter: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): RetryDecision {
  if (attempt >= schedule.length) return { dead: true };
  const base = schedule[attempt] * 1_000;
  const jittered = base * (1 + (random() * 2 - 1) * jitter);
  return { dead: false, delayMs: Math.round(Math.max(jittered, retryAfterMs ?? 0)) };
}

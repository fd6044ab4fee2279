/**
 * When a failed delivery is tried again. The schedule is a list of waits in seconds, one per
 * attempt: attempt n (1-based) waits `schedule[n - 1]` after the previous one failed, so the first
 * entry is the wait before the first attempt (0: at once) and a delivery has `schedule.length`
 * attempts in all. After the last one fails it is DEAD.
 *
 * NOTIFY_RETRY_SCHEDULE and NOTIFY_DISABLE_AFTER_HOURS belong to the core notification settings;
 * until those are merged this file reads them, with the same names and defaults, from the
 * environment (at construction of the dispatcher, so a test app sets its own).
 */

/** The Standard Webhooks schedule: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = [0, 5, 300, 1_800, 7_200, 18_000, 36_000, 36_000];
/** Five days of failing without a success disables a subscription. */
export const DEFAULT_DISABLE_AFTER_HOURS = 120;
/** A wait longer than a day per step is a typo, not a schedule. */
const MAX_STEP_SECONDS = 86_400 * 7;
const MAX_ATTEMPTS = 50;

/** Parses `0,5,300`; throws naming the problem (never the whole value). */
export function parseRetrySchedule(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.length > MAX_ATTEMPTS) {
    throw new Error(`NOTIFY_RETRY_SCHEDULE: 1 to ${MAX_ATTEMPTS} waits in seconds, comma-separated`);
  }
  return parts.map((part) => {
    const seconds = /^\d+$/.test(part) ? Number(part) : NaN;
    if (!Number.isSafeInteger(seconds) || seconds > MAX_STEP_SECONDS) {
      throw new Error(`NOTIFY_RETRY_SCHEDULE: each wait is a whole number of seconds up to ${MAX_STEP_SECONDS}`);
    }
    return seconds;
  });
}

export interface RetryPolicy {
  schedule: readonly number[];
  disableAfterHours: number;
}

export function retryPolicyFromEnvironment(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  const schedule = env.NOTIFY_RETRY_SCHEDULE ? parseRetrySchedule(env.NOTIFY_RETRY_SCHEDULE) : DEFAULT_RETRY_SCHEDULE;
  const hours = env.NOTIFY_DISABLE_AFTER_HOURS ? Number(env.NOTIFY_DISABLE_AFTER_HOURS) : DEFAULT_DISABLE_AFTER_HOURS;
  if (!(hours > 0)) throw new Error('NOTIFY_DISABLE_AFTER_HOURS: a positive number of hours');
  return { schedule, disableAfterHours: hours };
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

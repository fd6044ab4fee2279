/** The first reconnect waits this long; each failure doubles it, up to EMAIL_RECONNECT_MAX_DELAY_MS. */
export const RECONNECT_BASE_MS = 1_000;
/** Up to a quarter more, at random: mailboxes of one server that went down do not all come back at once. */
const JITTER = 0.25;

/**
 * The wait before reconnect number `failures` (1 after the first failure): 1 s, 2 s, 4 s ... with
 * up to 25 % jitter added, never below 1 s nor above `maxMs`.
 */
export function reconnectDelay(failures: number, maxMs: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const base = RECONNECT_BASE_MS * 2 ** exponent;
  return Math.round(Math.min(maxMs, Math.max(RECONNECT_BASE_MS, base * (1 + JITTER * random()))));
}

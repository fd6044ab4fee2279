import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `read` until `done` holds for its value and returns that value; after `timeoutMs`
 * returns the last value read, so the caller's assertion reports what was seen. For effects that
 * happen on a timer (the module breaker judges outcomes every BREAKER_EVALUATION_INTERVAL_MS).
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(25);
  }
}

import { setImmediate as yieldToLoop } from 'node:timers/promises';

/**
 * Long CPU work in slices: `pause()` yields to the event loop once `sliceMs` has passed since the
 * last yield, so requests are answered between slices, and throws once `signal` is aborted (the
 * app is shutting down).
 */
export function timeSlicer(sliceMs: number, signal?: AbortSignal): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await yieldToLoop();
    signal?.throwIfAborted();
    since = performance.now();
  };
}

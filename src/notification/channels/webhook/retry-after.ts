/** A receiver cannot park a delivery for longer than this with one Retry-After. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date, as milliseconds from `now`,
 * capped at MAX_RETRY_AFTER_MS; undefined when absent or unreadable (the schedule decides alone).
 */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1_000;
  } else {
    const at = Date.parse(text);
    // Only the HTTP date shapes (IMF-fixdate and the two obsolete ones) have a weekday or a GMT.
    if (Number.isNaN(at) || !/GMT|UTC|[A-Za-z]{3},/.test(text)) return undefined;
    ms = at - now;
  }
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

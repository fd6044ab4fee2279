import type { DeliveryOutcome } from '../notification-channel.js';

/** `Retry-After`: seconds, or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1_000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

// 401/403: our credentials, not the message; 408/409/425: the gateway's passing state. Retried,
// so fixing the configuration sends what waits.
const RETRIED_4XX = new Set([401, 403, 408, 409, 425, 429]);

/**
 * How a Messages API answer ends a delivery: 2xx sent; 429 retried after Retry-After; another
 * 4xx (Twilio 400 for an invalid or unreachable number) is permanent; 5xx retried. The error text
 * is Twilio's code and message (which name the number, never the credentials).
 */
export function twilioOutcome(status: number, body: unknown, retryAfter?: string | string[]): DeliveryOutcome {
  if (status >= 200 && status < 300) return { ok: true, status };
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  const detail = typeof message === 'string' ? `: ${message.replace(/\s+/g, ' ').slice(0, 200)}` : '';
  const error = `SMS gateway ${status}${typeof code === 'number' ? ` (error ${code})` : ''}${detail}`;
  if (status === 429) return { ok: false, status, error, retryAfterMs: retryAfterMs(retryAfter) };
  if (status === 503) return { ok: false, status, error, retryAfterMs: retryAfterMs(retryAfter) };
  const permanent = status >= 400 && status < 500 && !RETRIED_4XX.has(status);
  return { ok: false, status, error, permanent };
}

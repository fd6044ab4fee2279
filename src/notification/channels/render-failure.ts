import type { DeliveryOutcome } from './notification-channel.js';

/** The templates could not be read (the database is down): retried, as any passing failure. */
export function renderFailure(error: unknown): DeliveryOutcome {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: `Could not render the message: ${reason.split('\n')[0].slice(0, 200)}` };
}

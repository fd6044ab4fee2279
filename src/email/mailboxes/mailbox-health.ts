import type { MailboxHealth } from './mailbox.types.js';

/** A watched mailbox's health and, while it fails, since when. */
export interface HealthState {
  health: MailboxHealth;
  failingSince: Date | null;
}

/** The folder is open: HEALTHY, whatever came before. */
export function healthAfterConnect(): HealthState {
  return { health: 'HEALTHY', failingSince: null };
}

/**
 * A connect, login, folder open or command failed, or the connection dropped: DEGRADED at the
 * first failure, UNHEALTHY once it has failed for `unhealthyAfterMs` without a successful
 * connect in between (a takeover keeps the failing_since it finds in the row).
 */
export function healthAfterFailure(state: HealthState, now: Date, unhealthyAfterMs: number): HealthState {
  const failingSince = state.failingSince ?? now;
  const failingFor = now.getTime() - failingSince.getTime();
  return { health: failingFor >= unhealthyAfterMs ? 'UNHEALTHY' : 'DEGRADED', failingSince };
}

import { describe, expect, it } from '@jest/globals';
import { healthAfterConnect, healthAfterFailure, type HealthState } from './mailbox-health.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, seconds));
const AFTER = 300_000;

describe('mailbox health', () => {
  it('is DEGRADED at the first failure, from whatever it was, with failing_since set then', () => {
    for (const health of ['UNKNOWN', 'HEALTHY'] as const) {
      expect(healthAfterFailure({ health, failingSince: null }, at(0), AFTER)).toEqual({
        health: 'DEGRADED',
        failingSince: at(0),
      });
    }
  });

  it('stays DEGRADED while failing for less than EMAIL_UNHEALTHY_AFTER_SECONDS, then is UNHEALTHY', () => {
    let state: HealthState = { health: 'HEALTHY', failingSince: null };
    const seen: string[] = [];
    for (const second of [0, 1, 3, 299, 300, 360]) {
      state = healthAfterFailure(state, at(second), AFTER);
      seen.push(`${second}:${state.health}`);
    }
    expect(seen).toEqual(['0:DEGRADED', '1:DEGRADED', '3:DEGRADED', '299:DEGRADED', '300:UNHEALTHY', '360:UNHEALTHY']);
    expect(state.failingSince).toEqual(at(0));
  });

  it('keeps the failing_since it took over from another instance', () => {
    expect(healthAfterFailure({ health: 'DEGRADED', failingSince: at(0) }, at(301), AFTER).health).toBe('UNHEALTHY');
  });

  it('is HEALTHY with a clean record after a connect, whatever came before', () => {
    expect(healthAfterConnect()).toEqual({ health: 'HEALTHY', failingSince: null });
    const recovered = healthAfterFailure(healthAfterConnect(), at(400), AFTER);
    expect(recovered).toEqual({ health: 'DEGRADED', failingSince: at(400) });
  });
});

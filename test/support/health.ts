import { HealthState } from '../../src/monitoring/health/health-state.service.js';
import type { TestApp } from './test-app.js';

/** Resolves after a probe run that started now: readiness then reflects the current state. */
export async function refreshedHealth(t: TestApp): Promise<void> {
  const state = t.app.get(HealthState);
  await state.refresh(); // a run in flight may have started before the change under test
  await state.refresh();
}

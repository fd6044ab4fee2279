import { afterAll, beforeAll, describe, it } from '@jest/globals';
import {
  bulkAndCapacity,
  cancellationAndFencing,
  concurrentWorkers,
  eventsArePublished,
  fullLifecycle,
  idempotentCreation,
  leaseExpiry,
  longPollWakesUp,
  quarantinesAFailingModule,
  retriesAndFailures,
  unassignedAndValidation,
  waitingRobotsFindANewModule,
} from '../support/lifecycle-scenarios.js';
import { startApp, tempDir, type TestApp } from '../support/test-app.js';

describe('robot lifecycle over HTTP (PGlite)', () => {
  const dir = tempDir();
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({
      DATA_DIR: dir.path,
      RETRY_BACKOFF_BASE_MS: '50',
      RETRY_BACKOFF_MAX_MS: '100',
      BREAKER_MIN_FAILURES: '3',
      BREAKER_COOLDOWN_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await t?.close();
    dir.remove();
  });

  it('creates, routes, claims by priority, tracks progress and completes', () => fullLifecycle(t, 'E1'));
  it('retries system errors with backoff, fails over, stops at the limit, never retries VALIDATION', () =>
    retriesAndFailures(t, 'E2'));
  it('cancels, and fences off a worker whose robot was cancelled', () => cancellationAndFencing(t, 'E3'));
  it('creates once per Idempotency-Key, even under concurrent repeats', () => idempotentCreation(t, 'E4'));
  it('queues robots no module handles, and rejects invalid ones', () => unassignedAndValidation(t));
  it('never double-claims among concurrent workers', () => concurrentWorkers(t, 'E5', 8, 200));
  it('wakes a long-polling worker when work arrives', () => longPollWakesUp(t, 'E6'));
  it('retries a robot whose lease expired and fences off its old worker', () => leaseExpiry(t, 'E7'));
  it('routes waiting robots once a module for their type registers', () => waitingRobotsFindANewModule(t, 'E8'));
  it('publishes every committed event to in-process subscribers, in order', () => eventsArePublished(t, 'E9'));
  it('creates in bulk all or nothing, and claims within capacity', () => bulkAndCapacity(t, 'E10'));
  it('quarantines a failing module, then probes it back', () => quarantinesAFailingModule(t, 'E11'));
});

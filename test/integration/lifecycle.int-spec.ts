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
import { startApp, type TestApp } from '../support/test-app.js';

describe('robot lifecycle over HTTP (PostgreSQL, Redis)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      REDIS_URL: process.env.TEST_REDIS_URL,
      CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_life`,
      RETRY_BACKOFF_BASE_MS: '50',
      RETRY_BACKOFF_MAX_MS: '100',
      BREAKER_MIN_FAILURES: '3',
      BREAKER_COOLDOWN_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, routes, claims by priority, tracks progress and completes', () => fullLifecycle(t, 'P1'));
  it('retries system errors with backoff, fails over, stops at the limit, never retries VALIDATION', () =>
    retriesAndFailures(t, 'P2'));
  it('cancels, and fences off a worker whose robot was cancelled', () => cancellationAndFencing(t, 'P3'));
  it('creates once per Idempotency-Key, even under concurrent repeats', () => idempotentCreation(t, 'P4'));
  it('queues robots no module handles, and rejects invalid ones', () => unassignedAndValidation(t));
  it(
    '20 concurrent workers claim 1,000 robots without a double claim',
    () => concurrentWorkers(t, 'P5', 20, 1_000),
    120_000,
  );
  it('wakes a long-polling worker when work arrives', () => longPollWakesUp(t, 'P6'));
  it('retries a robot whose lease expired and fences off its old worker', () => leaseExpiry(t, 'P7'));
  it('routes waiting robots once a module for their type registers', () => waitingRobotsFindANewModule(t, 'P8'));
  it('publishes every committed event to in-process subscribers, in order', () => eventsArePublished(t, 'P9'));
  it('creates in bulk all or nothing, and claims within capacity', () => bulkAndCapacity(t, 'P10'));
  it('quarantines a failing module, then probes it back', () => quarantinesAFailingModule(t, 'P11'));
});

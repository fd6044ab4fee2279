import { it } from '@jest/globals';
import {
  bulkAndCapacity,
  concurrentProgress,
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
  batchCompletion,
  concurrentFailures,
  breakerCountsTheWindow,
  pagesTheRobotList,
} from './lifecycle-scenarios.js';
import { cancelReasonsAndAttemptErrors, unknownTypesAreWarned } from './new-user-scenarios.js';
import type { TestApp } from './test-app.js';

/** Settings the scenarios rely on: quick retries and a breaker that trips and heals quickly. */
export const LIFECYCLE_ENV = {
  RETRY_BACKOFF_BASE_MS: '50',
  RETRY_BACKOFF_MAX_MS: '100',
  BREAKER_MIN_FAILURES: '3',
  BREAKER_COOLDOWN_SECONDS: '1',
  BREAKER_EVALUATION_INTERVAL_MS: '50',
};

/** The whole robot lifecycle, declared once for each database tier. */
export function lifecycleSuite(t: TestApp, tier: string, swarm: { workers: number; robots: number }): void {
  it('creates, routes, claims by priority, tracks progress and completes', () => fullLifecycle(t, `${tier}1`));
  it('retries system errors with backoff, fails over, stops at the limit, never retries VALIDATION', () =>
    retriesAndFailures(t, `${tier}2`));
  it('cancels, and fences off a worker whose robot was cancelled', () => cancellationAndFencing(t, `${tier}3`));
  it('creates once per Idempotency-Key, even under concurrent repeats', () => idempotentCreation(t, `${tier}4`));
  it('queues robots no module handles, and rejects invalid ones', () => unassignedAndValidation(t));
  it(
    `${swarm.workers} concurrent workers claim ${swarm.robots} robots without a double claim`,
    () => concurrentWorkers(t, `${tier}5`, swarm.workers, swarm.robots),
    120_000,
  );
  it('wakes a long-polling worker when work arrives', () => longPollWakesUp(t, `${tier}6`));
  it('retries a robot whose lease expired and fences off its old worker', () => leaseExpiry(t, `${tier}7`));
  it('routes waiting robots once a module for their type registers', () => waitingRobotsFindANewModule(t, `${tier}8`));
  it('publishes every committed event to in-process subscribers, in order', () => eventsArePublished(t, `${tier}9`));
  it('creates in bulk all or nothing, and claims within capacity', () => bulkAndCapacity(t, `${tier}10`));
  it('quarantines a failing module, then probes it back', () => quarantinesAFailingModule(t, `${tier}11`));
  it('applies concurrent progress reports each to its own attempt', () => concurrentProgress(t, `${tier}12`));
  it('completes a batch, each result on its own', () => batchCompletion(t, `${tier}13`));
  it('fails concurrent attempts each on its own robot, with backoff', () => concurrentFailures(t, `${tier}14`));
  it('opens the breaker from the counted window only', () => breakerCountsTheWindow(t, `${tier}15`));
  it('pages the robot list; an exactly full page is the last', () => pagesTheRobotList(t, `${tier}16`));
  it('queues an unknown robot type with a warning, and the dashboard lists it', () =>
    unknownTypesAreWarned(t, `${tier}17`));
  it('keeps the cancel reason on the robot, and attempt errors on the attempts', () =>
    cancelReasonsAndAttemptErrors(t, `${tier}18`));
}

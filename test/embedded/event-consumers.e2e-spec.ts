import { describe, it } from '@jest/globals';
import { batchedConsumer, namedConsumers, sharedCursorMoves } from '../support/event-consumer-scenarios.js';
import { appWithBatchedConsumer, appWithConsumers } from '../support/event-consumers.js';
import { useTestApp } from '../support/test-app.js';

describe('named event consumers (PGlite)', () => {
  const t = useTestApp({}, appWithConsumers('E'));
  it('retries a failing consumer without delaying the others, parks what keeps failing, replays it', () =>
    namedConsumers(t, 'E'));
  it('moves the cursors of consumers that shared a read in one statement, each judged on its own lease', () =>
    sharedCursorMoves(t, 'E'));
});

describe('an event consumer taking batches (PGlite)', () => {
  const t = useTestApp({}, appWithBatchedConsumer('E'));
  it('gets each read in one call, and a refused batch one by one', () => batchedConsumer(t, 'E'));
});

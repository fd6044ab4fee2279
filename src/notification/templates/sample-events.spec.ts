import { describe, expect, it } from '@jest/globals';
import { EVENT_CATALOGUE, EVENT_TYPES } from '../../core/events/event-catalogue.js';
import { SAMPLE_PAYLOADS } from './sample-events.js';

describe('EVENT_CATALOGUE fields', () => {
  // SAMPLE_PAYLOADS is typed Required<payload>: the compiler makes it name every field of each
  // payload type, so comparing keys here catches a field missing from (or extra in) `fields`.
  it.each(EVENT_TYPES)('%s lists exactly the fields of its payload', (type) => {
    expect([...EVENT_CATALOGUE[type].fields].sort()).toEqual(Object.keys(SAMPLE_PAYLOADS[type]).sort());
  });
});

import { describe } from '@jest/globals';
import { LIFECYCLE_ENV, lifecycleSuite } from '../support/lifecycle-suite.js';
import { useTestApp } from '../support/test-app.js';

describe('robot lifecycle over HTTP (PostgreSQL, Redis)', () => {
  const t = useTestApp({
    ...LIFECYCLE_ENV,
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    REDIS_URL: process.env.TEST_REDIS_URL,
    CACHE_KEY_PREFIX: `${process.env.TEST_CACHE_PREFIX}_life`,
  });
  lifecycleSuite(t, 'P', { workers: 20, robots: 1_000 });
});

import { describe } from '@jest/globals';
import { LIFECYCLE_ENV, lifecycleSuite } from '../support/lifecycle-suite.js';
import { useTestApp } from '../support/test-app.js';

describe('robot lifecycle over HTTP (PGlite)', () => {
  lifecycleSuite(useTestApp(LIFECYCLE_ENV), 'E', { workers: 8, robots: 200 });
});

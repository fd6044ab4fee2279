import { SetMetadata } from '@nestjs/common';

export const RATE_BUCKET_KEY = 'botfleet:rate-bucket';

/**
 * Routes with a limit of their own (seeds: health 1000/min, bulk 10/min), counted apart. `work`:
 * the worker protocol (claims, progress, complete, fail), whose calls scale with the robots a
 * worker runs, not with a person's clicks.
 */
export enum RateBucket {
  Health = 'health',
  Bulk = 'bulk',
  Work = 'work',
}

export const RateLimit = (bucket: RateBucket) => SetMetadata(RATE_BUCKET_KEY, bucket);

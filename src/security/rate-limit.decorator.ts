import { SetMetadata } from '@nestjs/common';

export const RATE_BUCKET_KEY = 'botfleet:rate-bucket';

/** Routes with a limit of their own (seeds: health 1000/min, bulk 10/min), counted apart. */
export enum RateBucket {
  Health = 'health',
  Bulk = 'bulk',
}

export const RateLimit = (bucket: RateBucket) => SetMetadata(RATE_BUCKET_KEY, bucket);

import type { AppConfig } from '../core/config/app-config.service.js';
import { isInfrastructureError } from '../core/errors/infrastructure-error.js';

/**
 * How the group-committed writes (intake, progress, completion, failure) batch: at most 200 items
 * a statement, a few statements in flight, leaving write connections free for claims and the rest
 * (DB_WRITE_POOL_MAX - 2); a batch that fails for a reason of its own items is retried item by
 * item, so one bad item cannot fail its neighbours.
 */
export function writeBatching(config: AppConfig) {
  return {
    maxInFlight: Math.max(1, config.get('DB_WRITE_POOL_MAX') - 2),
    maxBatch: 200,
    retryAlone: (error: unknown) => !isInfrastructureError(error),
  };
}

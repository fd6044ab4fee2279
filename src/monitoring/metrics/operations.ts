/** The seeds' named operations that the PerformanceTracker follows, keyed by route template. */
export enum Operation {
  RobotCreation = 'robot_creation',
  StatusRead = 'status_read',
  ModuleSelection = 'module_selection',
  ProgressTracking = 'progress_tracking',
  HealthCheck = 'health_check',
  /** Every statement through TypeORM or the prepared hot statements, both pools. */
  DatabaseQuery = 'database_query',
  /** Every cache get, set and delete. */
  CacheOperation = 'cache_operation',
}

const BY_ROUTE = new Map<string, Operation>([
  ['POST /api/v1/robots', Operation.RobotCreation],
  ['GET /api/v1/robots/:robot_id', Operation.StatusRead],
  ['GET /api/v1/routing/select', Operation.ModuleSelection],
  ['POST /api/v1/executions/:execute_id/progress', Operation.ProgressTracking],
]);

/** The operation a call to `route` (a template, not a path) belongs to, if any. */
export function operationOf(method: string, route: string): Operation | undefined {
  if (method === 'GET' && route.startsWith('/health/')) return Operation.HealthCheck;
  return BY_ROUTE.get(`${method} ${route}`);
}

/** Route label for a request Fastify matched to no route: its path would be unbounded cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

import { describe, expect, it } from '@jest/globals';
import { Operation, operationOf } from './operations.js';

describe('operationOf', () => {
  it.each([
    ['POST', '/api/v1/robots', Operation.RobotCreation],
    ['GET', '/api/v1/robots/:robot_id', Operation.StatusRead],
    ['GET', '/api/v1/routing/select', Operation.ModuleSelection],
    ['POST', '/api/v1/executions/:execute_id/progress', Operation.ProgressTracking],
    ['GET', '/health/live', Operation.HealthCheck],
    ['GET', '/health/ready', Operation.HealthCheck],
  ])('%s %s is %s', (method, route, operation) => {
    expect(operationOf(method, route)).toBe(operation);
  });

  it.each([
    ['GET', '/api/v1/robots'],
    ['POST', '/api/v1/robots/bulk'],
    ['DELETE', '/api/v1/robots/:robot_id'],
    ['POST', '/health/live'],
    ['GET', 'unmatched'],
    ['GET', '/metrics'],
  ])('%s %s is no named operation', (method, route) => {
    expect(operationOf(method, route)).toBeUndefined();
  });
});

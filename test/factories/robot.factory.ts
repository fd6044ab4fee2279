import { Priority } from '../../src/state/entities/index.js';
import type { NewRobotRow } from '../../src/state/repositories/robot-rows.js';

/** A robot as RobotIntakeRepository takes it, with the API's defaults: a normal-priority legal review. */
export function newRobotRow(moduleName: string | null, overrides: Partial<NewRobotRow> = {}): NewRobotRow {
  return {
    idPrefix: 'LEG',
    robotType: 'legal_review',
    moduleName,
    inputData: {},
    priority: Priority.Normal,
    cacheKey: null,
    correlationId: null,
    sourceReference: null,
    retryLimit: 3,
    timeoutSeconds: 1800,
    deadlineAt: null,
    routingDecision: null,
    ...overrides,
  };
}

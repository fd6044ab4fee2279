import { DomainException } from '../core/errors/domain.exception.js';
import { declareErrorCodes } from '../core/errors/error-catalogue.js';

export enum OrchestratorErrorCode {
  RobotNotFound = 'ROBOT_NOT_FOUND',
  InvalidTransition = 'ROBOT_INVALID_TRANSITION',
  LeaseLost = 'LEASE_LOST',
  NoEligibleModule = 'NO_ELIGIBLE_MODULE',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  InvalidIdempotencyKey = 'INVALID_IDEMPOTENCY_KEY',
  ModuleInactive = 'MODULE_INACTIVE',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    orchestrator: OrchestratorErrorCode;
  }
}

declareErrorCodes(OrchestratorErrorCode, {
  [OrchestratorErrorCode.RobotNotFound]: 404,
  [OrchestratorErrorCode.InvalidTransition]: 409,
  [OrchestratorErrorCode.LeaseLost]: 409,
  [OrchestratorErrorCode.NoEligibleModule]: 422,
  [OrchestratorErrorCode.IdempotencyKeyReused]: 422,
  [OrchestratorErrorCode.InvalidIdempotencyKey]: 400,
  [OrchestratorErrorCode.ModuleInactive]: 409,
});

export const robotNotFound = (robotId: string) =>
  new DomainException(OrchestratorErrorCode.RobotNotFound, `No robot ${robotId}.`);

export const invalidTransition = (robotId: string, from: string, action: string) =>
  new DomainException(OrchestratorErrorCode.InvalidTransition, `Robot ${robotId} is ${from}: it cannot be ${action}.`, {
    robot_id: robotId,
    status: from,
  });

/** The caller's lease is not the current one: it expired and was reclaimed, or the robot was cancelled. */
export const leaseLost = (executeId: string) =>
  new DomainException(
    OrchestratorErrorCode.LeaseLost,
    `Execution ${executeId} is not running under this lease (expired, reclaimed, finished or cancelled). Stop working on it.`,
    { execute_id: executeId },
  );

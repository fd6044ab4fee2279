import { DomainException } from '../core/errors/domain.exception.js';

export enum OrchestratorErrorCode {
  RobotNotFound = 'ROBOT_NOT_FOUND',
  InvalidTransition = 'ROBOT_INVALID_TRANSITION',
  LeaseLost = 'LEASE_LOST',
  NoEligibleModule = 'NO_ELIGIBLE_MODULE',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  ModuleInactive = 'MODULE_INACTIVE',
}

export const robotNotFound = (robotId: string) =>
  new DomainException(OrchestratorErrorCode.RobotNotFound, 404, `No robot ${robotId}.`);

export const invalidTransition = (robotId: string, from: string, action: string) =>
  new DomainException(
    OrchestratorErrorCode.InvalidTransition,
    409,
    `Robot ${robotId} is ${from}: it cannot be ${action}.`,
    {
      robot_id: robotId,
      status: from,
    },
  );

/** The caller's lease is not the current one: it expired and was reclaimed, or the robot was cancelled. */
export const leaseLost = (executeId: string) =>
  new DomainException(
    OrchestratorErrorCode.LeaseLost,
    409,
    `Execution ${executeId} is not running under this lease (expired, reclaimed, finished or cancelled). Stop working on it.`,
    { execute_id: executeId },
  );

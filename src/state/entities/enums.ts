/** The seeds' enums, as PostgreSQL types created by the CoreSchema migration. */
// Module authors pass these two: the SDK defines them.
export { Priority, StepCategory } from '../../sdk/index.js';

export enum ModuleHealth {
  Healthy = 'HEALTHY',
  Degraded = 'DEGRADED',
  Unhealthy = 'UNHEALTHY',
  Unknown = 'UNKNOWN',
}

export enum PerformanceTier {
  High = 'HIGH',
  Medium = 'MEDIUM',
  Low = 'LOW',
  Critical = 'CRITICAL',
}

export enum RobotStatus {
  Pending = 'PENDING',
  Processing = 'PROCESSING',
  Completed = 'COMPLETED',
  Failed = 'FAILED',
  Retrying = 'RETRYING',
  Cancelled = 'CANCELLED',
}

export enum ProcessingTier {
  Fast = 'FAST',
  Standard = 'STANDARD',
  Complex = 'COMPLEX',
  Bulk = 'BULK',
}

export enum ExecutionState {
  Pending = 'PENDING',
  Running = 'RUNNING',
  Paused = 'PAUSED',
  Completed = 'COMPLETED',
  Failed = 'FAILED',
  Retrying = 'RETRYING',
  Cancelled = 'CANCELLED',
}

/** The seeds' enums, as PostgreSQL types created by the CoreSchema migration. */
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

export enum Priority {
  Low = 'LOW',
  Normal = 'NORMAL',
  High = 'HIGH',
  Critical = 'CRITICAL',
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

export enum StepCategory {
  Init = 'INIT',
  Validation = 'VALIDATION',
  Processing = 'PROCESSING',
  ExternalApi = 'EXTERNAL_API',
  Finalization = 'FINALIZATION',
}

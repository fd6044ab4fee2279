/**
 * The values a module author passes and reads. StepCategory and Priority are PostgreSQL enum types
 * (CoreSchema migration); the state layer re-exports them, so the SDK owns one definition.
 */

/** The seeds' error categories (robots.error_category), plus SYSTEM for anything unclassified. */
export enum ErrorCategory {
  Validation = 'VALIDATION',
  Timeout = 'TIMEOUT',
  ExternalApi = 'EXTERNAL_API',
  System = 'SYSTEM',
}

export enum StepCategory {
  Init = 'INIT',
  Validation = 'VALIDATION',
  Processing = 'PROCESSING',
  ExternalApi = 'EXTERNAL_API',
  Finalization = 'FINALIZATION',
}

export enum Priority {
  Low = 'LOW',
  Normal = 'NORMAL',
  High = 'HIGH',
  Critical = 'CRITICAL',
}

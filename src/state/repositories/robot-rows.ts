import type { ExecutionState, Priority, RobotStatus, StepCategory } from '../entities/index.js';

/** A robots row as PostgreSQL returns it (snake_case, the API's field names). */
export interface RobotRow {
  robot_id: string;
  robot_type: string;
  status: RobotStatus;
  module_name: string | null;
  input_data: Record<string, unknown>;
  output_data: Record<string, unknown> | null;
  priority: Priority;
  cache_key: string | null;
  retry_count: number;
  retry_limit: number;
  error_details: Record<string, unknown> | null;
  error_category: string | null;
  last_error_at: Date | null;
  completeness_score: string | null;
  confidence_score: string | null;
  processing_time_ms: number | null;
  source_reference: string | null;
  correlation_id: string | null;
  routing_decision: Record<string, unknown> | null;
  next_attempt_at: Date;
  timeout_seconds: number;
  deadline_at: Date | null;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
}

export interface ExecutionRow {
  execute_id: string;
  robot_id: string;
  module_name: string;
  execution_state: ExecutionState;
  current_step: string | null;
  step_category: StepCategory | null;
  progress_percentage: number | null;
  total_steps: number | null;
  completed_steps: number | null;
  step_details: Record<string, unknown> | null;
  step_duration_ms: number | null;
  cpu_usage_percent: string | null;
  memory_usage_mb: number | null;
  started_at: Date;
  completed_at: Date | null;
  duration_ms: number | null;
  retry_count: number | null;
  timeout_seconds: number | null;
  error_message: string | null;
  /** A failed attempt's `error_category` and `error_details`, among others. */
  execution_metadata: Record<string, unknown> | null;
  lease_token: string | null;
  lease_expires_at: Date | null;
}

export interface NewRobotRow {
  idPrefix: string;
  robotType: string;
  moduleName: string | null;
  inputData: Record<string, unknown>;
  priority: Priority;
  cacheKey: string | null;
  correlationId: string | null;
  sourceReference: string | null;
  retryLimit: number;
  timeoutSeconds: number;
  deadlineAt: Date | null;
  routingDecision: unknown;
}

export interface RobotFilter {
  status?: RobotStatus;
  robotType?: string;
  moduleName?: string;
  correlationId?: string;
  createdFrom?: Date;
  createdTo?: Date;
  /** Keyset cursor: rows strictly older than (created_at, robot_id). */
  after?: { createdAt: string; robotId: string };
  limit: number;
}

export interface ProgressReport {
  currentStep?: string;
  stepCategory?: StepCategory;
  progressPercentage?: number;
  completedSteps?: number;
  totalSteps?: number;
  stepDetails?: Record<string, unknown>;
  stepDurationMs?: number;
  cpuUsagePercent?: number;
  memoryUsageMb?: number;
}

/** One of a robot's events in the `events` outbox, oldest first. */
export interface RobotEventRow {
  event_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from './column-transformers.js';
import { ROBOT_DEFAULTS } from '../../sdk/index.js';
import { ExecutionState, StepCategory } from './enums.js';
import { RobotEntity } from './robot.entity.js';

@Entity('robot_execute')
@Index('idx_execute_active_monitoring', { synchronize: false })
@Index('idx_execute_performance_analysis', { synchronize: false })
@Index('idx_execute_resource_tracking', { synchronize: false })
@Index('idx_execute_step_analysis', { synchronize: false })
@Index('idx_execute_robot_progress', { synchronize: false })
@Index('idx_execute_timeout_monitoring', { synchronize: false })
@Index('idx_execute_lease_expiry', { synchronize: false })
export class RobotExecuteEntity {
  @PrimaryColumn({ name: 'execute_id', type: 'varchar', length: 50 })
  executeId: string;

  @Column({ name: 'robot_id', type: 'varchar', length: 50 })
  robotId: string;

  @ManyToOne(() => RobotEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'robot_id' })
  robot?: RobotEntity;

  @Column({ name: 'module_name', type: 'varchar', length: 100 })
  moduleName: string;

  @Column({
    name: 'execution_state',
    type: 'enum',
    enum: ExecutionState,
    enumName: 'execution_state_enum',
    default: ExecutionState.Pending,
  })
  executionState: ExecutionState;

  @Column({ name: 'current_step', type: 'varchar', length: 100, nullable: true })
  currentStep: string | null;

  @Column({ name: 'progress_percentage', type: 'smallint', nullable: true, default: 0 })
  progressPercentage: number | null;

  @Column({
    name: 'step_category',
    type: 'enum',
    enum: StepCategory,
    enumName: 'step_category_enum',
    nullable: true,
    default: StepCategory.Init,
  })
  stepCategory: StepCategory | null;

  @Column({ name: 'total_steps', type: 'integer', nullable: true, default: 1 })
  totalSteps: number | null;

  @Column({ name: 'completed_steps', type: 'integer', nullable: true, default: 0 })
  completedSteps: number | null;

  @Column({ name: 'step_details', type: 'jsonb', nullable: true, default: {} })
  stepDetails: Record<string, unknown> | null;

  @Column({ name: 'step_start_time', type: 'timestamp', nullable: true })
  stepStartTime: Date | null;

  @Column({ name: 'step_duration_ms', type: 'integer', nullable: true })
  stepDurationMs: number | null;

  @Column({
    name: 'cpu_usage_percent',
    type: 'decimal',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: decimalToNumber,
  })
  cpuUsagePercent: number | null;

  @Column({ name: 'memory_usage_mb', type: 'integer', nullable: true })
  memoryUsageMb: number | null;

  @Column({ name: 'disk_io_mb', type: 'integer', nullable: true })
  diskIoMb: number | null;

  @Column({ name: 'network_io_mb', type: 'integer', nullable: true })
  networkIoMb: number | null;

  @Column({ name: 'resource_peak_usage', type: 'jsonb', nullable: true, default: {} })
  resourcePeakUsage: Record<string, unknown> | null;

  @Column({
    name: 'throughput_items_per_sec',
    type: 'decimal',
    precision: 8,
    scale: 2,
    nullable: true,
    transformer: decimalToNumber,
  })
  throughputItemsPerSec: number | null;

  @Column({
    name: 'processing_rate',
    type: 'decimal',
    precision: 8,
    scale: 2,
    nullable: true,
    transformer: decimalToNumber,
  })
  processingRate: number | null;

  @Column({
    name: 'efficiency_score',
    type: 'decimal',
    precision: 3,
    scale: 2,
    nullable: true,
    default: 1.0,
    transformer: decimalToNumber,
  })
  efficiencyScore: number | null;

  @Column({ name: 'started_at', type: 'timestamp', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamp', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'estimated_completion_at', type: 'timestamp', nullable: true })
  estimatedCompletionAt: Date | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs: number | null;

  @Column({ name: 'retry_count', type: 'integer', nullable: true, default: 0 })
  retryCount: number | null;

  @Column({ name: 'max_retries', type: 'integer', nullable: true, default: 3 })
  maxRetries: number | null;

  @Column({ name: 'last_retry_at', type: 'timestamp', nullable: true })
  lastRetryAt: Date | null;

  @Column({ name: 'timeout_seconds', type: 'integer', nullable: true, default: ROBOT_DEFAULTS.timeoutSeconds })
  timeoutSeconds: number | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ name: 'error_stack_trace', type: 'text', nullable: true })
  errorStackTrace: string | null;

  @Column({ name: 'execution_metadata', type: 'jsonb', nullable: true, default: {} })
  executionMetadata: Record<string, unknown> | null;

  @Column({ name: 'contains_sensitive_data', type: 'boolean', nullable: true, default: false })
  containsSensitiveData: boolean | null;

  @Column({ name: 'compliance_context', type: 'jsonb', nullable: true, default: {} })
  complianceContext: Record<string, unknown> | null;

  @Column({ name: 'external_api_calls', type: 'integer', nullable: true, default: 0 })
  externalApiCalls: number | null;

  @Column({ name: 'external_api_duration_ms', type: 'integer', nullable: true, default: 0 })
  externalApiDurationMs: number | null;

  @Column({ name: 'external_api_failures', type: 'integer', nullable: true, default: 0 })
  externalApiFailures: number | null;

  // Added by the RobotLifecycle migration: the claim's fencing token and lease deadline.
  @Column({ name: 'lease_token', type: 'uuid', nullable: true })
  leaseToken: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamp', nullable: true })
  leaseExpiresAt: Date | null;
}

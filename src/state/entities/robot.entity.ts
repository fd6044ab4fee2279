import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from './column-transformers.js';
import { ROBOT_DEFAULTS } from '../../sdk/index.js';
import { Priority, ProcessingTier, RobotStatus } from './enums.js';
import { ModuleRegistryEntity } from './module-registry.entity.js';

@Entity('robots')
@Index('idx_robots_active_processing', { synchronize: false })
@Index('idx_robots_performance_analysis', { synchronize: false })
@Index('idx_robots_error_tracking', { synchronize: false })
@Index('idx_robots_type_priority', { synchronize: false })
@Index('idx_robots_correlation', { synchronize: false })
@Index('idx_robots_cache_key', { synchronize: false })
@Index('idx_robots_claimable', { synchronize: false })
@Index('idx_robots_unassigned', { synchronize: false })
export class RobotEntity {
  @PrimaryColumn({ name: 'robot_id', type: 'varchar', length: 50 })
  robotId: string;

  @Column({ name: 'robot_type', type: 'varchar', length: 50 })
  robotType: string;

  @Column({ type: 'enum', enum: RobotStatus, enumName: 'robot_status_enum', default: RobotStatus.Pending })
  status: RobotStatus;

  /** NULL while a PENDING robot waits for a module that handles its type. */
  @Column({ name: 'module_name', type: 'varchar', length: 100, nullable: true })
  moduleName: string | null;

  @ManyToOne(() => ModuleRegistryEntity, { nullable: false, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'module_name', referencedColumnName: 'moduleName' })
  module?: ModuleRegistryEntity;

  @Column({ name: 'input_data', type: 'jsonb' })
  inputData: Record<string, unknown>;

  @Column({ name: 'output_data', type: 'jsonb', nullable: true })
  outputData: Record<string, unknown> | null;

  @Column({ type: 'enum', enum: Priority, enumName: 'priority_enum', default: ROBOT_DEFAULTS.priority })
  priority: Priority;

  @Column({ name: 'performance_metrics', type: 'jsonb', nullable: true, default: {} })
  performanceMetrics: Record<string, unknown> | null;

  @Column({ name: 'processing_time_ms', type: 'integer', nullable: true })
  processingTimeMs: number | null;

  @Column({
    name: 'processing_tier',
    type: 'enum',
    enum: ProcessingTier,
    enumName: 'processing_tier_enum',
    nullable: true,
    default: ProcessingTier.Standard,
  })
  processingTier: ProcessingTier | null;

  @Column({ name: 'cache_hit', type: 'boolean', nullable: true, default: false })
  cacheHit: boolean | null;

  @Column({ name: 'cache_key', type: 'varchar', length: 255, nullable: true })
  cacheKey: string | null;

  @Column({ name: 'resource_usage_mb', type: 'integer', nullable: true })
  resourceUsageMb: number | null;

  @Column({ name: 'retry_count', type: 'integer', nullable: true, default: 0 })
  retryCount: number | null;

  @Column({ name: 'retry_limit', type: 'integer', nullable: true, default: ROBOT_DEFAULTS.retryLimit })
  retryLimit: number | null;

  @Column({ name: 'error_details', type: 'jsonb', nullable: true })
  errorDetails: Record<string, unknown> | null;

  @Column({ name: 'error_category', type: 'varchar', length: 50, nullable: true })
  errorCategory: string | null;

  @Column({ name: 'last_error_at', type: 'timestamp', nullable: true })
  lastErrorAt: Date | null;

  @Column({
    name: 'completeness_score',
    type: 'decimal',
    precision: 3,
    scale: 2,
    nullable: true,
    default: 0.0,
    transformer: decimalToNumber,
  })
  completenessScore: number | null;

  @Column({
    name: 'confidence_score',
    type: 'decimal',
    precision: 3,
    scale: 2,
    nullable: true,
    default: 0.0,
    transformer: decimalToNumber,
  })
  confidenceScore: number | null;

  @Column({ name: 'source_reference', type: 'varchar', length: 200, nullable: true })
  sourceReference: string | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 100, nullable: true })
  correlationId: string | null;

  @Column({ name: 'estimated_duration_minutes', type: 'integer', nullable: true })
  estimatedDurationMinutes: number | null;

  @Column({ name: 'actual_duration_minutes', type: 'integer', nullable: true })
  actualDurationMinutes: number | null;

  @Column({
    name: 'complexity_score',
    type: 'decimal',
    precision: 2,
    scale: 1,
    nullable: true,
    default: 1.0,
    transformer: decimalToNumber,
  })
  complexityScore: number | null;

  @Column({ name: 'security_classification', type: 'varchar', length: 20, nullable: true, default: 'STANDARD' })
  securityClassification: string | null;

  @Column({ name: 'compliance_tags', type: 'text', array: true, nullable: true })
  complianceTags: string[] | null;

  @Column({ name: 'enterprise_metadata', type: 'jsonb', nullable: true, default: {} })
  enterpriseMetadata: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamp', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'started_at', type: 'timestamp', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamp', nullable: true })
  completedAt: Date | null;

  // Added by the RobotLifecycle migration.
  @Column({ name: 'routing_decision', type: 'jsonb', nullable: true })
  routingDecision: Record<string, unknown> | null;

  @Column({ name: 'next_attempt_at', type: 'timestamp', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'timeout_seconds', type: 'integer', default: ROBOT_DEFAULTS.timeoutSeconds })
  timeoutSeconds: number;

  @Column({ name: 'deadline_at', type: 'timestamp', nullable: true })
  deadlineAt: Date | null;

  /** Added by the RobotCancelReason migration: the reason given when the robot was cancelled. */
  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from './column-transformers.js';
import { ModuleHealth, PerformanceTier } from './enums.js';

// Indexes are created by the migration (partial ones included); they are declared here with
// `synchronize: false` so `migration:generate` never proposes dropping them.
@Entity('module_registry')
@Index('idx_module_active_performance', { synchronize: false })
@Index('idx_module_health_monitoring', { synchronize: false })
@Index('idx_module_routing_optimization', { synchronize: false })
@Index('idx_module_error_tracking', { synchronize: false })
export class ModuleRegistryEntity {
  @PrimaryColumn({ name: 'module_id', type: 'varchar', length: 100 })
  moduleId: string;

  @Column({ name: 'module_name', type: 'varchar', length: 100, unique: true })
  moduleName: string;

  @Column({ name: 'module_version', type: 'varchar', length: 50 })
  moduleVersion: string;

  @Column({ name: 'supported_robot_types', type: 'text', array: true })
  supportedRobotTypes: string[];

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  @Column({ name: 'health_endpoint', type: 'varchar', length: 200, nullable: true })
  healthEndpoint: string | null;

  @Column({ name: 'registration_data', type: 'jsonb', nullable: true })
  registrationData: Record<string, unknown> | null;

  @Column({
    name: 'performance_score',
    type: 'decimal',
    precision: 3,
    scale: 2,
    nullable: true,
    default: 1.0,
    transformer: decimalToNumber,
  })
  performanceScore: number | null;

  @Column({
    name: 'performance_tier',
    type: 'enum',
    enum: PerformanceTier,
    enumName: 'performance_tier_enum',
    nullable: true,
    default: PerformanceTier.Medium,
  })
  performanceTier: PerformanceTier | null;

  @Column({ name: 'last_performance_check', type: 'timestamp', nullable: true })
  lastPerformanceCheck: Date | null;

  @Column({ name: 'error_count_24h', type: 'integer', nullable: true, default: 0 })
  errorCount24h: number | null;

  @Column({
    name: 'success_rate_24h',
    type: 'decimal',
    precision: 5,
    scale: 2,
    nullable: true,
    default: 100.0,
    transformer: decimalToNumber,
  })
  successRate24h: number | null;

  @Column({ name: 'avg_processing_time_ms', type: 'integer', nullable: true, default: 0 })
  avgProcessingTimeMs: number | null;

  @Column({
    name: 'capacity_utilization',
    type: 'decimal',
    precision: 3,
    scale: 2,
    nullable: true,
    default: 0.0,
    transformer: decimalToNumber,
  })
  capacityUtilization: number | null;

  @Column({
    name: 'health_status',
    type: 'enum',
    enum: ModuleHealth,
    enumName: 'module_health_enum',
    nullable: true,
    default: ModuleHealth.Unknown,
  })
  healthStatus: ModuleHealth | null;

  @Column({ name: 'last_health_check', type: 'timestamp', nullable: true })
  lastHealthCheck: Date | null;

  @Column({ name: 'consecutive_failures', type: 'integer', nullable: true, default: 0 })
  consecutiveFailures: number | null;

  @Column({ name: 'last_error_message', type: 'text', nullable: true })
  lastErrorMessage: string | null;

  @Column({
    name: 'uptime_percentage_24h',
    type: 'decimal',
    precision: 5,
    scale: 2,
    nullable: true,
    default: 100.0,
    transformer: decimalToNumber,
  })
  uptimePercentage24h: number | null;

  @Column({ name: 'total_robots_processed', type: 'integer', nullable: true, default: 0 })
  totalRobotsProcessed: number | null;

  @Column({
    name: 'total_processing_time_hours',
    type: 'decimal',
    precision: 8,
    scale: 2,
    nullable: true,
    default: 0.0,
    transformer: decimalToNumber,
  })
  totalProcessingTimeHours: number | null;

  @Column({ name: 'security_level', type: 'varchar', length: 20, nullable: true, default: 'BASIC' })
  securityLevel: string | null;

  @Column({ name: 'compliance_flags', type: 'jsonb', nullable: true, default: {} })
  complianceFlags: Record<string, unknown> | null;

  @Column({ name: 'enterprise_features', type: 'jsonb', nullable: true, default: {} })
  enterpriseFeatures: Record<string, unknown> | null;

  /** Added by the ModuleCapacity migration: robots the module may run at once. */
  @Column({ name: 'max_concurrent_robots', type: 'integer', default: 10 })
  maxConcurrentRobots: number;

  /** Added by the ModuleCircuitBreaker migration: CLOSED, OPEN (quarantined) or HALF_OPEN. */
  @Column({ name: 'breaker_state', type: 'varchar', length: 10, default: 'CLOSED' })
  breakerState: 'CLOSED' | 'OPEN' | 'HALF_OPEN';

  @Column({ name: 'breaker_until', type: 'timestamp', nullable: true })
  breakerUntil: Date | null;

  /** Added by the ModuleBreakerCounts migration: the breaker counts outcomes from here (its last close). */
  @Column({ name: 'breaker_counted_from', type: 'timestamp', nullable: true })
  breakerCountedFrom: Date | null;

  @Column({ name: 'registered_at', type: 'timestamp', default: () => 'now()' })
  registeredAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', default: () => 'now()' })
  updatedAt: Date;
}

import { ApiProperty } from '@nestjs/swagger';
import { ModuleHealth, type ModuleRegistryEntity, PerformanceTier } from '../../state/entities/index.js';

export class ModuleResponseDto {
  @ApiProperty({ example: 'LegalModule_1.2.0_local', description: '{name}_{version}_{env}' }) module_id: string;
  @ApiProperty({ example: 'LegalModule' }) module_name: string;
  @ApiProperty({ example: '1.2.0' }) module_version: string;
  @ApiProperty({ example: ['legal_review'] }) supported_robot_types: string[];
  @ApiProperty({ example: true }) is_active: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'http://legal-worker:8080/health' }) health_endpoint:
    string | null;
  @ApiProperty({ type: 'integer', example: 10 }) max_concurrent_robots: number;
  @ApiProperty({ nullable: true, type: Object, example: { team: 'legal' } }) registration_data: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ enum: ModuleHealth, nullable: true, example: ModuleHealth.Healthy })
  health_status: ModuleHealth | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-23T09:00:00.000Z' }) last_health_check: string | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 0 }) consecutive_failures: number | null;
  @ApiProperty({ nullable: true, type: String, example: null }) last_error_message: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 99.5 }) uptime_percentage_24h: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.92 }) performance_score: number | null;
  @ApiProperty({ enum: PerformanceTier, nullable: true, example: PerformanceTier.High })
  performance_tier: PerformanceTier | null;
  @ApiProperty({ nullable: true, type: Number, example: 98.5 }) success_rate_24h: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 3 }) error_count_24h: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 1850 }) avg_processing_time_ms: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.3 }) capacity_utilization: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 1200 }) total_robots_processed: number | null;
  @ApiProperty({
    enum: ['CLOSED', 'OPEN', 'HALF_OPEN'],
    example: 'CLOSED',
    description: 'OPEN: quarantined, no routing, no claims',
  })
  breaker_state: 'CLOSED' | 'OPEN' | 'HALF_OPEN';
  @ApiProperty({ nullable: true, type: String, example: null, description: 'When the quarantine ends' })
  breaker_until: string | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) registered_at: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) updated_at: string;

  static of(m: ModuleRegistryEntity): ModuleResponseDto {
    return {
      module_id: m.moduleId,
      module_name: m.moduleName,
      module_version: m.moduleVersion,
      supported_robot_types: m.supportedRobotTypes,
      is_active: m.isActive,
      health_endpoint: m.healthEndpoint,
      max_concurrent_robots: m.maxConcurrentRobots,
      registration_data: m.registrationData,
      health_status: m.healthStatus,
      last_health_check: m.lastHealthCheck?.toISOString() ?? null,
      consecutive_failures: m.consecutiveFailures,
      last_error_message: m.lastErrorMessage,
      uptime_percentage_24h: m.uptimePercentage24h,
      performance_score: m.performanceScore,
      performance_tier: m.performanceTier,
      success_rate_24h: m.successRate24h,
      error_count_24h: m.errorCount24h,
      avg_processing_time_ms: m.avgProcessingTimeMs,
      capacity_utilization: m.capacityUtilization,
      total_robots_processed: m.totalRobotsProcessed,
      breaker_state: m.breakerState,
      breaker_until: m.breakerUntil?.toISOString() ?? null,
      registered_at: m.registeredAt.toISOString(),
      updated_at: m.updatedAt.toISOString(),
    };
  }
}

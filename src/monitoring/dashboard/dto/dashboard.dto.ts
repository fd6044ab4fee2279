import { ApiProperty } from '@nestjs/swagger';
import { ModuleHealth, PerformanceTier } from '../../../state/entities/index.js';
import { AlertDto } from '../../alerts/dto/alert.dto.js';
import { PoolsDto, ProbesDto } from '../../health/dto/health-report.dto.js';
import { Operation } from '../../metrics/operations.js';
import { NotificationsBlockDto } from './notifications-block.dto.js';

const SYSTEM_STATUS = ['HEALTHY', 'DEGRADED', 'UNHEALTHY'];
const BREAKER_STATE = ['CLOSED', 'OPEN', 'HALF_OPEN'];
/** A count per key (a status, a health, an error category). */
const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

class ActiveRobotsDto {
  @ApiProperty({ type: 'integer', example: 12, description: 'PENDING, PROCESSING and RETRYING' }) total_active: number;
  @ApiProperty({ ...COUNTS, example: { PENDING: 4, PROCESSING: 7, RETRYING: 1 } }) by_status: Record<string, number>;
  @ApiProperty({ type: 'integer', example: 7 }) running_executions: number;
  @ApiProperty({ type: 'integer', example: 3, description: 'Claimable now' }) queue_depth: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 42, description: 'null when none is pending' })
  oldest_pending_seconds: number | null;
}

export class ModuleFiguresDto {
  @ApiProperty({ example: 'LegalModule' }) module_name: string;
  @ApiProperty({ example: '1.2.0' }) module_version: string;
  @ApiProperty({ enum: ModuleHealth, example: ModuleHealth.Healthy }) health_status: string;
  @ApiProperty({ type: Number, nullable: true, example: 0.92 }) performance_score: number | null;
  @ApiProperty({ enum: PerformanceTier, nullable: true, example: PerformanceTier.High }) performance_tier:
    string | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.3 }) capacity_utilization: number | null;
  @ApiProperty({ enum: BREAKER_STATE, example: 'CLOSED' }) breaker_state: string;
  @ApiProperty({ type: 'integer', example: 0 }) consecutive_failures: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T09:00:00.000Z' }) last_health_check: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) last_error_message: string | null;
}

class ModuleHealthDto {
  @ApiProperty({ type: 'integer', example: 3, description: 'Active modules' }) total: number;
  @ApiProperty({ ...COUNTS, example: { HEALTHY: 2, DEGRADED: 1, UNHEALTHY: 0, UNKNOWN: 0 } }) by_health: Record<
    string,
    number
  >;
  @ApiProperty({ type: [ModuleFiguresDto] }) modules: ModuleFiguresDto[];
}

class OperationStatsDto {
  @ApiProperty({ enum: Operation, example: Operation.RobotCreation }) operation: string;
  @ApiProperty({ type: 'integer', example: 1200 }) count: number;
  @ApiProperty({ example: 0.998, description: 'Share not answered 5xx; 1 when there were none' }) success_rate: number;
  @ApiProperty({ example: 20, description: 'Calls per second over the window' }) throughput: number;
  @ApiProperty({ example: 3.1 }) p50_ms: number;
  @ApiProperty({ example: 9.8 }) p95_ms: number;
  @ApiProperty({ example: 21.4 }) p99_ms: number;
}

class MinuteDto {
  @ApiProperty({ example: '2026-11-23T09:00:00Z' }) minute: string;
  @ApiProperty({ type: 'integer', example: 40 }) robots_created: number;
  @ApiProperty({ type: 'integer', example: 38 }) robots_completed: number;
  @ApiProperty({ type: 'integer', example: 1 }) robots_failed: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 900, description: "This instance's; null: not recorded" })
  requests: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 9.8 }) p95_ms: number | null;
}

class PerformanceMetricsDto {
  @ApiProperty({ type: 'integer', example: 60 }) window_seconds: number;
  @ApiProperty({ type: [OperationStatsDto], description: "This instance's rolling window" })
  operations: OperationStatsDto[];
  @ApiProperty({ type: [MinuteDto], description: 'Sixty minutes, oldest first' }) last_hour: MinuteDto[];
}

class ErrorRatesDto {
  @ApiProperty({ example: 0.002 }) http_error_rate: number;
  @ApiProperty({ example: 0.026 }) robot_failure_rate_1h: number;
  @ApiProperty({ ...COUNTS, example: { EXTERNAL_API: 1 }, description: 'Robots failed in the last hour' })
  by_error_category: Record<string, number>;
}

class CacheStatisticsDto {
  @ApiProperty({ enum: ['redis', 'memory'], example: 'redis' }) backend: string;
  @ApiProperty({ type: 'integer', example: 900 }) hits: number;
  @ApiProperty({ type: 'integer', example: 100 }) misses: number;
  @ApiProperty({ example: 0.9 }) hit_rate: number;
}

class DatabaseStatusDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) status: string;
  @ApiProperty({ enum: ['pglite', 'postgresql'], nullable: true, example: 'postgresql' }) engine: string | null;
  @ApiProperty({ type: PoolsDto, nullable: true }) pools: PoolsDto | null;
  @ApiProperty({ enum: BREAKER_STATE, example: 'CLOSED' }) breaker_state: string;
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' }) checked_at: string;
}

export class ResourceUsageDto {
  @ApiProperty({ type: 'integer', example: 180 }) rss_mb: number;
  @ApiProperty({ type: 'integer', example: 90 }) heap_used_mb: number;
  @ApiProperty({ example: 12.5, description: 'CPU over the last refresh interval, % of one core' }) cpu_percent: number;
  @ApiProperty({ example: 1.2, description: 'p99 over the last refresh interval' }) event_loop_lag_ms: number;
  @ApiProperty({ type: 'integer', example: 3600 }) uptime_seconds: number;
}

class ActiveAlertsDto {
  @ApiProperty({ type: 'integer', example: 1 }) firing: number;
  @ApiProperty({ type: 'integer', example: 0 }) critical: number;
  @ApiProperty({ type: [AlertDto] }) items: AlertDto[];
}

/** GET /api/v1/monitoring/dashboard: the seeds' get_system_health, plus resource usage and alerts. */
export class DashboardDto {
  @ApiProperty({ example: '2026-11-23T09:00:05.000Z' }) generated_at: string;
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z', description: 'When the database figures were computed' })
  fleet_figures_at: string;
  @ApiProperty({ example: 'api-1:4242:1a2b3c4d' }) instance_id: string;
  @ApiProperty({ enum: SYSTEM_STATUS, example: 'HEALTHY' }) system_status: string;
  @ApiProperty({ type: ActiveRobotsDto }) active_robots: ActiveRobotsDto;
  @ApiProperty({ type: ModuleHealthDto }) module_health: ModuleHealthDto;
  @ApiProperty({ type: PerformanceMetricsDto }) performance_metrics: PerformanceMetricsDto;
  @ApiProperty({ type: ErrorRatesDto }) error_rates: ErrorRatesDto;
  @ApiProperty({ type: CacheStatisticsDto }) cache_statistics: CacheStatisticsDto;
  @ApiProperty({ type: DatabaseStatusDto }) database_status: DatabaseStatusDto;
  @ApiProperty({ type: ResourceUsageDto }) resource_usage: ResourceUsageDto;
  @ApiProperty({ type: ActiveAlertsDto }) active_alerts: ActiveAlertsDto;
  @ApiProperty({ type: NotificationsBlockDto }) notifications: NotificationsBlockDto;
}

class ModuleAttentionDto {
  @ApiProperty({ type: 'integer', example: 3 }) total: number;
  @ApiProperty({ ...COUNTS, example: { HEALTHY: 2, DEGRADED: 1, UNHEALTHY: 0, UNKNOWN: 0 } }) by_health: Record<
    string,
    number
  >;
  @ApiProperty({ type: [ModuleFiguresDto], description: 'Not HEALTHY, or with a breaker not CLOSED' })
  attention: ModuleFiguresDto[];
}

/** GET /api/v1/monitoring/health: every probe with its figures, and the modules that need attention. */
export class DetailedHealthDto {
  @ApiProperty({ enum: SYSTEM_STATUS, example: 'DEGRADED' }) status: string;
  @ApiProperty({ type: [AlertDto] }) firing_alerts: AlertDto[];
  @ApiProperty({ example: 'api-1:4242:1a2b3c4d' }) instance_id: string;
  @ApiProperty({ example: '2026-11-23T09:00:05.000Z' }) checked_at: string;
  @ApiProperty({ type: ProbesDto }) probes: ProbesDto;
  @ApiProperty({ enum: BREAKER_STATE, example: 'CLOSED' }) database_breaker: string;
  @ApiProperty({ type: ResourceUsageDto }) resource_usage: ResourceUsageDto;
  @ApiProperty({ type: ModuleAttentionDto }) modules: ModuleAttentionDto;
}

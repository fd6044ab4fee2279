import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

class PoolFiguresDto {
  @ApiProperty({ type: 'integer', example: 3, description: 'Connections open' }) total: number;
  @ApiProperty({ type: 'integer', example: 2 }) idle: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'Callers queued for a connection' }) waiting: number;
  @ApiProperty({ type: 'integer', example: 10 }) max: number;
}

export class PoolsDto {
  @ApiProperty({ type: PoolFiguresDto }) write: PoolFiguresDto;
  @ApiProperty({ type: PoolFiguresDto }) read: PoolFiguresDto;
}

/**
 * One probe's last result. A probe that failed outright has only the common members; one that
 * answered adds its figures (the database's pools, the disk's free space, ...).
 */
export class ProbeDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) status: 'up' | 'down';
  @ApiPropertyOptional({ example: 'database unreachable', description: 'Why it is down' }) message?: string;
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' }) checked_at: string;
  @ApiProperty({ example: 1.25 }) duration_ms: number;
}

export class DatabaseProbeDto extends ProbeDto {
  @ApiPropertyOptional({ enum: ['pglite', 'postgresql'], example: 'postgresql' }) engine?: string;
  @ApiPropertyOptional({ type: PoolsDto }) pools?: PoolsDto;
}

export class CacheProbeDto extends ProbeDto {
  @ApiPropertyOptional({ enum: ['redis', 'memory'], example: 'redis' }) backend?: string;
}

export class DiskProbeDto extends ProbeDto {
  @ApiPropertyOptional({ type: 'integer', example: 51_200 }) free_mb?: number;
  @ApiPropertyOptional({ type: 'integer', example: 102_400 }) total_mb?: number;
  @ApiPropertyOptional({ example: 0.5 }) free_ratio?: number;
}

export class MemoryProbeDto extends ProbeDto {
  @ApiPropertyOptional({ type: 'integer', example: 180 }) rss_mb?: number;
  @ApiPropertyOptional({ type: 'integer', example: 1536 }) limit_mb?: number;
}

export class EventLoopProbeDto extends ProbeDto {
  @ApiPropertyOptional({ example: 2.4 }) lag_p99_ms?: number;
  @ApiPropertyOptional({ type: 'integer', example: 500 }) max_ms?: number;
}

export class ProbesDto {
  @ApiProperty({ type: DatabaseProbeDto }) database: DatabaseProbeDto;
  @ApiProperty({ type: CacheProbeDto }) cache: CacheProbeDto;
  @ApiProperty({ type: DiskProbeDto }) disk: DiskProbeDto;
  @ApiProperty({ type: MemoryProbeDto }) memory: MemoryProbeDto;
  @ApiProperty({ type: EventLoopProbeDto }) event_loop: EventLoopProbeDto;
}

const PROBE_MAP = { type: 'object', additionalProperties: { $ref: getSchemaPath(ProbeDto) } } as const;
const EXAMPLE_PROBES = { database: { status: 'up', engine: 'postgresql', checked_at: '2026-11-23T09:00:00.000Z' } };

/** Terminus's report, as /health/live and /health/ready answer 200 (a failed check is a 503 problem). */
export class HealthReportDto {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: string;
  @ApiProperty({ ...PROBE_MAP, example: EXAMPLE_PROBES, description: 'The probes that are up' }) info: object;
  @ApiProperty({ ...PROBE_MAP, example: {}, description: 'The probes that are down: none in a 200' }) error: object;
  @ApiProperty({ ...PROBE_MAP, example: EXAMPLE_PROBES, description: 'Every probe' }) details: object;
}

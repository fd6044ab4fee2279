import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { toBoolean } from './to-boolean.js';

export enum MetricsAccess {
  Public = 'public',
  Key = 'key',
}

/** Readiness probes, metrics and alerts. */
export class MonitoringSettings {
  @IsInt()
  @Min(10)
  @Max(60_000)
  HEALTH_PROBE_TIMEOUT_MS: number = 1_000;

  @IsInt()
  @Min(64)
  HEALTH_MEMORY_RSS_LIMIT_MB: number = 2_048;

  /** How often the readiness probes run in the background; /health/ready answers from their last results. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  HEALTH_REFRESH_MS: number = 2_000;

  /** Where the disk probe measures free space (default: the working directory). */
  @IsOptional()
  @IsString()
  HEALTH_DISK_PATH?: string;

  /** Not ready when less than this share of the disk is free. */
  @IsNumber()
  @Min(0)
  @Max(1)
  HEALTH_DISK_MIN_FREE_RATIO: number = 0.05;

  /** Not ready when the event loop's p99 delay over the last refresh interval is above this. */
  @IsInt()
  @Min(1)
  HEALTH_EVENT_LOOP_LAG_MAX_MS: number = 1_000;

  /** The HTTP timing hook and GET /metrics; off only to price them in a benchmark. */
  @Transform(toBoolean)
  @IsBoolean()
  METRICS_ENABLED: boolean = true;

  /** Who may scrape GET /metrics: anyone (`public`, rate-limited per IP) or a key with monitoring:read (`key`). */
  @IsEnum(MetricsAccess)
  METRICS_ACCESS: MetricsAccess = MetricsAccess.Public;

  /** The alert evaluation schedule; off, nothing is evaluated (GET /api/v1/monitoring/alerts still answers). */
  @Transform(toBoolean)
  @IsBoolean()
  ALERTS_ENABLED: boolean = true;

  @IsInt()
  @Min(100)
  @Max(3_600_000)
  ALERT_EVALUATION_INTERVAL_MS: number = 15_000;

  // The seeds' alert thresholds (analisis-framework.md, "Dashboard de Monitoreo").
  /** p95 response time of an API operation over the last minute, above which it fires. */
  @IsInt()
  @Min(1)
  ALERT_RESPONSE_TIME_MS: number = 500;

  /** Cache hit rate over one evaluation interval, below which it fires. */
  @IsNumber()
  @Min(0)
  @Max(1)
  ALERT_CACHE_HIT_RATE_MIN: number = 0.6;

  /** Connections in use / pool maximum (either pool), above which it fires. */
  @IsNumber()
  @Min(0)
  @Max(1)
  ALERT_DB_POOL_USAGE_MAX: number = 0.9;

  /** Share of API calls answered 5xx over the last minute, above which it fires. */
  @IsNumber()
  @Min(0)
  @Max(1)
  ALERT_ERROR_RATE_MAX: number = 0.05;

  /** Age of the oldest PENDING robot above which it fires. */
  @IsInt()
  @Min(1)
  ALERT_PENDING_MAX_AGE_SECONDS: number = 300;

  /** After an alert resolves, the same rule and subject fire again only this long after it last fired. */
  @IsInt()
  @Min(0)
  ALERT_COOLDOWN_SECONDS: number = 300;

  /** Response time, error rate and cache hit rate are judged only on at least this many calls or lookups. */
  @IsInt()
  @Min(1)
  ALERT_MIN_SAMPLES: number = 20;
}

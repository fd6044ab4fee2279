import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ForecastQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 60,
    maximum: 604_800,
    description: 'Drain target of the capacity recommendation (default FORECAST_DRAIN_TARGET_SECONDS)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(604_800)
  target_seconds?: number;
}

export class BottleneckDto {
  @ApiProperty({
    enum: ['no_eligible_module', 'arrivals_exceed_throughput', 'imbalanced_modules'],
    example: 'imbalanced_modules',
  })
  kind: string;

  @ApiProperty({ example: 'invoice_extract' })
  robot_type: string;

  @ApiProperty({ nullable: true, type: String, example: 'InvoiceBot' })
  module_name: string | null;

  @ApiProperty({
    example: 'InvoiceBot is saturated (10/10) while InvoiceBotB stay(s) idle, with invoice_extract queued',
  })
  detail: string;
}

export class TypeForecastDto {
  @ApiProperty({ example: 'invoice_extract' })
  robot_type: string;

  @ApiProperty({ type: Object, example: { queued: 420, processing: 10, oldest_queued_seconds: 312.5 } })
  queue: Record<string, unknown>;

  @ApiProperty({
    type: Object,
    description:
      'per_hour_recent (last 15 min x 4), last_hour, by_hour_of_day (24 UTC hours, last 7 days), forecast_next_hour',
    example: {
      per_hour_recent: 600,
      last_hour: 580,
      by_hour_of_day: Array<number>(24).fill(100),
      forecast_next_hour: 350,
    },
  })
  arrivals: Record<string, unknown>;

  @ApiProperty({
    type: Object,
    isArray: true,
    description:
      'Each module declaring the type: eligible for routing, slots, running, completions and durations over the last hour',
    example: [
      {
        module_name: 'InvoiceBot',
        eligible: true,
        slots: 10,
        running: 10,
        completed_last_hour: 900,
        mean_ms: 38_000,
        p50_ms: 35_000,
        p90_ms: 61_000,
      },
    ],
  })
  modules: Record<string, unknown>[];

  @ApiProperty({ example: 947.4, description: 'Robots per hour the eligible modules finish' })
  throughput_per_hour: number;

  @ApiProperty({
    enum: ['observed', 'capacity', 'none'],
    example: 'observed',
    description:
      'observed: recent completions while backlogged; capacity: slots x 3600 / mean duration; none: nothing can take it',
  })
  throughput_basis: string;

  @ApiProperty({ type: Object, example: { queued_in_1h: 0, drain_seconds: 2523.1, drains_within_target: true } })
  forecast: Record<string, unknown>;

  @ApiProperty({
    type: Object,
    example: { target_drain_seconds: 3600, additional_slots: 0, module_name: null, reason: 'drains within the target' },
  })
  capacity: Record<string, unknown>;
}

export class ForecastDto {
  @ApiProperty({ example: '2026-12-04T10:00:00.000Z' })
  generated_at: string;

  @ApiProperty({ type: 'integer', example: 3600 })
  horizon_seconds: number;

  @ApiProperty({ type: 'integer', example: 300, description: 'Throughput is measured over completions this recent' })
  recent_window_seconds: number;

  @ApiProperty({ type: TypeForecastDto, isArray: true })
  robot_types: TypeForecastDto[];

  @ApiProperty({ type: BottleneckDto, isArray: true })
  bottlenecks: BottleneckDto[];
}

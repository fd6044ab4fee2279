import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { StripHtml } from '../../core/validation/strip-html.js';
import { ExecutionState, StepCategory } from '../../state/entities/index.js';
import type { ExecutionRow } from '../../state/repositories/robot-rows.js';
import { ErrorCategory } from '../../sdk/index.js';
import { isoUtc, numberOrNull } from './format.js';
import { RobotResponseDto } from './robot-response.dto.js';

export class ClaimRobotsDto {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  max_robots?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: 60,
    minimum: 5,
    maximum: 3600,
    description: 'Lease length; progress extends it',
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(3_600)
  lease_seconds?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: 0,
    minimum: 0,
    maximum: 30000,
    description: 'Long poll: wait this long for work',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30_000)
  wait_ms?: number;
}

class LeasedDto {
  @ApiProperty({ format: 'uuid', description: 'Proves the lease: send it with progress, complete and fail' })
  @IsUUID('all', { message: 'lease_token must be the UUID returned by the claim' })
  lease_token: string;
}

export class ProgressDto extends LeasedDto {
  @ApiPropertyOptional({ example: 'OCR_EXTRACT', description: 'Shown in pages: HTML is stripped' })
  @IsOptional()
  @StripHtml()
  @IsString()
  @MaxLength(100)
  current_step?: string;

  @ApiPropertyOptional({ enum: StepCategory })
  @IsOptional()
  @IsEnum(StepCategory)
  step_category?: StepCategory;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress_percentage?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  completed_steps?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  total_steps?: number;

  @ApiPropertyOptional({ example: { name: 'OCR_EXTRACT', input_size: 2.5 } })
  @IsOptional()
  @IsObject()
  step_details?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 2_000_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  step_duration_ms?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 999 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999)
  cpu_usage_percent?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 2_000_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  memory_usage_mb?: number;
}

export class CompleteDto extends LeasedDto {
  @ApiProperty({ example: { verdict: 'approved' } })
  @IsObject()
  output_data: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1)
  completeness_score?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1)
  confidence_score?: number;
}

export class FailDto extends LeasedDto {
  @ApiProperty({ enum: ErrorCategory, description: 'VALIDATION is not retried; the others are, up to retry_limit' })
  @IsEnum(ErrorCategory)
  error_category: ErrorCategory;

  @ApiProperty({ example: 'Court registry API answered 503', description: 'Shown in pages: HTML is stripped' })
  @StripHtml()
  @IsString()
  @MaxLength(2_000)
  error_message: string;

  @ApiPropertyOptional({ example: { step: 'OCR', http_status: 503 } })
  @IsOptional()
  @IsObject()
  error_details?: Record<string, unknown>;
}

export class CancelRobotDto {
  @ApiPropertyOptional({ example: 'Duplicate request', description: 'Shown in pages: HTML is stripped' })
  @IsOptional()
  @StripHtml()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ExecutionResponseDto {
  @ApiProperty({ format: 'uuid', example: '01931f2e-7c4a-7b3d-9e1f-2a3b4c5d6e7f' }) execute_id: string;
  @ApiProperty({ example: 'LEGAL_1795310000000_42' }) robot_id: string;
  @ApiProperty({ example: 'LegalModule' }) module_name: string;
  @ApiProperty({ enum: ExecutionState, example: ExecutionState.Running }) execution_state: ExecutionState;
  @ApiProperty({ nullable: true, type: String, example: 'OCR_EXTRACT' }) current_step: string | null;
  @ApiProperty({ enum: StepCategory, nullable: true, example: null }) step_category: StepCategory | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 40 }) progress_percentage: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 2 }) completed_steps: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 5 }) total_steps: number | null;
  @ApiProperty({ nullable: true, type: Object, example: { name: 'OCR_EXTRACT', input_size: 2.5 } })
  step_details: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 850 }) step_duration_ms: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 35.5 }) cpu_usage_percent: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 256 }) memory_usage_mb: number | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.100Z' }) started_at: string;
  @ApiProperty({ nullable: true, type: String, example: null }) completed_at: string | null;
  @ApiProperty({ nullable: true, type: 'integer', example: null }) duration_ms: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 0 }) retry_count: number | null;
  @ApiProperty({ nullable: true, type: String, example: null }) error_message: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Set when this attempt failed' })
  error_category: string | null;
  @ApiProperty({ nullable: true, type: Object, example: null, description: 'Set when this attempt failed' })
  error_details: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T10:01:00.100Z' }) lease_expires_at: string | null;

  static of(row: ExecutionRow): ExecutionResponseDto {
    return {
      execute_id: row.execute_id,
      robot_id: row.robot_id,
      module_name: row.module_name,
      execution_state: row.execution_state,
      current_step: row.current_step,
      step_category: row.step_category,
      progress_percentage: row.progress_percentage,
      completed_steps: row.completed_steps,
      total_steps: row.total_steps,
      step_details: row.step_details,
      step_duration_ms: row.step_duration_ms,
      cpu_usage_percent: numberOrNull(row.cpu_usage_percent),
      memory_usage_mb: row.memory_usage_mb,
      started_at: isoUtc(row.started_at)!,
      completed_at: isoUtc(row.completed_at),
      duration_ms: row.duration_ms,
      retry_count: row.retry_count,
      error_message: row.error_message,
      error_category: (row.execution_metadata?.error_category as string | undefined) ?? null,
      error_details: (row.execution_metadata?.error_details as Record<string, unknown> | undefined) ?? null,
      lease_expires_at: isoUtc(row.lease_expires_at),
    };
  }
}

export class ClaimedRobotDto extends RobotResponseDto {
  @ApiProperty({
    format: 'uuid',
    example: '01931f2e-7c4a-7b3d-9e1f-2a3b4c5d6e7f',
    description: 'The attempt to report on',
  })
  execute_id: string;
  @ApiProperty({ format: 'uuid', example: '6f1d2c3b-4a59-4e8f-9d0c-1b2a3f4e5d6c' }) lease_token: string;
  @ApiProperty({ example: '2026-11-22T10:01:00.100Z' }) lease_expires_at: string;
}

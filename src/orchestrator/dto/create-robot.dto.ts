import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsEnum,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ROBOT_TYPE_PATTERN } from '../../load-balancer/dto/routing-decision.dto.js';
import { Priority } from '../../state/entities/index.js';

/** Correlation ids and references are identifiers, echoed in pages and logs: plain tokens only. */
const TOKEN = /^[A-Za-z0-9._:@/#-]+$/;

export class CreateRobotDto {
  @ApiProperty({ example: 'legal_review' })
  @IsString()
  @Matches(ROBOT_TYPE_PATTERN, { message: 'robot_type must be 1-50 lowercase letters, digits, _ . or -' })
  robot_type: string;

  @ApiProperty({ example: { case_id: 'C-1042', documents: 3 }, description: 'The work itself: any JSON object' })
  @IsObject()
  input_data: Record<string, unknown>;

  @ApiPropertyOptional({ enum: Priority, default: Priority.Normal })
  @IsOptional()
  @IsEnum(Priority)
  priority?: Priority;

  @ApiPropertyOptional({ example: 'batch-2026-11-22', description: 'Groups robots of one batch' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(TOKEN, { message: 'correlation_id may hold letters, digits and . _ : @ / # - only' })
  correlation_id?: string;

  @ApiPropertyOptional({ example: 'email:<msg-1@example.com>', description: 'Where the work came from' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(TOKEN, { message: 'source_reference may hold letters, digits and . _ : @ / # - only' })
  source_reference?: string;

  @ApiPropertyOptional({
    type: 'integer',
    default: 3,
    minimum: 0,
    maximum: 10,
    description: 'Retries after the first attempt',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  retry_limit?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: 1800,
    minimum: 1,
    maximum: 86400,
    description: 'Per-attempt timeout',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  timeout_seconds?: number;

  @ApiPropertyOptional({ example: '2026-11-23T09:00:00Z', description: 'Business deadline (ISO 8601), for SLA alerts' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'deadline must be an ISO 8601 date-time' })
  deadline?: string;
}

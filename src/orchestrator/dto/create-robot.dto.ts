import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  ValidateNested,
} from 'class-validator';
import { REFERENCE_PATTERN, ROBOT_TYPE_PATTERN } from '../../core/validation/identifiers.js';
import { Priority, ROBOT_DEFAULTS, ROBOT_LIMITS, ROBOT_NOTIFY_LIMIT } from '../../sdk/index.js';

/** One target told about this robot; the Notification layer checks it as a subscription's target. */
export class RobotNotifyDto {
  @ApiProperty({ example: 'webhook', description: 'webhook, email, sms or in_app' })
  @IsString()
  @MaxLength(20)
  channel: string;

  @ApiProperty({
    example: 'https://hooks.example.com/robots',
    description: 'webhook: http(s) URL; email: an address; sms: E.164; in_app: an audience',
  })
  @IsString()
  @MaxLength(2048)
  target: string;
}

/** The REST body of a robot; the controller turns it into a CreateRobotCommand (same rules). */

export class CreateRobotDto {
  @ApiProperty({ example: 'legal_review' })
  @IsString()
  @Matches(ROBOT_TYPE_PATTERN, { message: 'robot_type must be 1-50 lowercase letters, digits, _ . or -' })
  robot_type: string;

  @ApiProperty({ example: { case_id: 'C-1042', documents: 3 }, description: 'The work itself: any JSON object' })
  @IsObject()
  input_data: Record<string, unknown>;

  @ApiPropertyOptional({ enum: Priority, default: ROBOT_DEFAULTS.priority })
  @IsOptional()
  @IsEnum(Priority)
  priority?: Priority;

  @ApiPropertyOptional({ example: 'batch-2026-11-22', description: 'Groups robots of one batch' })
  @IsOptional()
  @IsString()
  @MaxLength(ROBOT_LIMITS.correlationIdLength)
  @Matches(REFERENCE_PATTERN, { message: 'correlation_id may hold letters, digits and . _ : @ / # - only' })
  correlation_id?: string;

  @ApiPropertyOptional({ example: 'email:<msg-1@example.com>', description: 'Where the work came from' })
  @IsOptional()
  @IsString()
  @MaxLength(ROBOT_LIMITS.sourceReferenceLength)
  @Matches(REFERENCE_PATTERN, { message: 'source_reference may hold letters, digits and . _ : @ / # - only' })
  source_reference?: string;

  @ApiPropertyOptional({
    type: 'integer',
    default: ROBOT_DEFAULTS.retryLimit,
    minimum: 0,
    maximum: ROBOT_LIMITS.maxRetryLimit,
    description: 'Retries after the first attempt',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(ROBOT_LIMITS.maxRetryLimit)
  retry_limit?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: ROBOT_DEFAULTS.timeoutSeconds,
    minimum: 1,
    maximum: ROBOT_LIMITS.maxTimeoutSeconds,
    description: 'Per-attempt timeout',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ROBOT_LIMITS.maxTimeoutSeconds)
  timeout_seconds?: number;

  @ApiPropertyOptional({ example: '2026-11-23T09:00:00Z', description: 'Business deadline (ISO 8601), for SLA alerts' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'deadline must be an ISO 8601 date-time' })
  deadline?: string;

  @ApiPropertyOptional({
    type: RobotNotifyDto,
    isArray: true,
    maxItems: ROBOT_NOTIFY_LIMIT,
    description:
      'POST /robots only: each target gets robot.completed, robot.failed, robot.cancelled and robot.retrying of this robot; a webhook’s signing secret is in the creation answer only',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROBOT_NOTIFY_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => RobotNotifyDto)
  notify?: RobotNotifyDto[];
}

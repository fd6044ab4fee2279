import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../core/http/page.dto.js';
import { Priority, RobotStatus } from '../../state/entities/index.js';
import type { RobotRow } from '../../state/repositories/robot-rows.js';
import { isoUtc as iso, numberOrNull as num } from './format.js';

export class RobotResponseDto {
  @ApiProperty({ example: 'LEGAL_1795310000000_42', description: '{prefix}_{timestamp}_{seq}' }) robot_id: string;
  @ApiProperty({ example: 'legal_review' }) robot_type: string;
  @ApiProperty({ enum: RobotStatus, example: RobotStatus.Completed }) status: RobotStatus;
  @ApiProperty({ nullable: true, type: String, example: 'LegalModule', description: 'null while waiting for a module' })
  module_name: string | null;
  @ApiProperty({ enum: Priority, example: Priority.Normal }) priority: Priority;
  @ApiProperty({ type: Object, example: { case_id: 'C-1042', documents: 3 } }) input_data: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: Object, example: { verdict: 'approved' } }) output_data: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: 'integer', example: 0 }) retry_count: number;
  @ApiProperty({ type: 'integer', example: 3 }) retry_limit: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description:
      'The latest failed attempt’s, while the robot is RETRYING or FAILED (or requeued after); null once COMPLETED',
  })
  error_category: string | null;
  @ApiProperty({
    nullable: true,
    type: Object,
    example: null,
    description: 'As error_category; every attempt keeps its own',
  })
  error_details: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'The reason given when it was cancelled' })
  cancel_reason: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.95 }) completeness_score: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.9 }) confidence_score: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 1850 }) processing_time_ms: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'batch-2026-11-22' }) correlation_id: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'email:<msg-1@example.com>' }) source_reference: string | null;
  @ApiProperty({ type: 'integer', example: 1800 }) timeout_seconds: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-23T09:00:00.000Z' }) deadline: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'When a PENDING or RETRYING robot becomes claimable',
  })
  next_attempt_at: string | null;
  @ApiProperty({
    nullable: true,
    type: Object,
    example: { selected_module: 'LegalModule', strategy: 'weighted' },
    description: 'The explained routing decision',
  })
  routing_decision: Record<string, unknown> | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-11-22T10:00:02.000Z' }) updated_at: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T10:00:00.100Z' }) started_at: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T10:00:01.950Z' }) completed_at: string | null;

  static of(row: RobotRow): RobotResponseDto {
    return {
      robot_id: row.robot_id,
      robot_type: row.robot_type,
      status: row.status,
      module_name: row.module_name,
      priority: row.priority,
      input_data: row.input_data,
      output_data: row.output_data,
      retry_count: row.retry_count,
      retry_limit: row.retry_limit,
      error_category: row.error_category,
      error_details: row.error_details,
      cancel_reason: row.cancel_reason ?? null,
      completeness_score: num(row.completeness_score),
      confidence_score: num(row.confidence_score),
      processing_time_ms: row.processing_time_ms,
      correlation_id: row.correlation_id,
      source_reference: row.source_reference,
      timeout_seconds: row.timeout_seconds,
      deadline: iso(row.deadline_at),
      next_attempt_at: iso(row.next_attempt_at),
      routing_decision: row.routing_decision,
      created_at: iso(row.created_at)!,
      updated_at: iso(row.updated_at)!,
      started_at: iso(row.started_at),
      completed_at: iso(row.completed_at),
    };
  }
}

export class RobotPageDto extends PageDto<RobotResponseDto> {
  @ApiProperty({ type: RobotResponseDto, isArray: true }) items: RobotResponseDto[];
}

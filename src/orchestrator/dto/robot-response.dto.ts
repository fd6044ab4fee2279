import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../core/http/page.dto.js';
import { Priority, RobotStatus } from '../../state/entities/index.js';
import type { RobotRow } from '../../state/repositories/robot-rows.js';
import { isoUtc as iso, numberOrNull as num } from './format.js';

export class RobotResponseDto {
  @ApiProperty({ example: 'LEGAL_1795310000000_42', description: '{prefix}_{timestamp}_{seq}' }) robot_id: string;
  @ApiProperty({ example: 'legal_review' }) robot_type: string;
  @ApiProperty({ enum: RobotStatus }) status: RobotStatus;
  @ApiProperty({ nullable: true, type: String, description: 'null while waiting for a module' }) module_name:
    string | null;
  @ApiProperty({ enum: Priority }) priority: Priority;
  @ApiProperty({ type: Object }) input_data: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: Object }) output_data: Record<string, unknown> | null;
  @ApiProperty() retry_count: number;
  @ApiProperty() retry_limit: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The latest failed attempt’s, while the robot is RETRYING or FAILED (or requeued after); null once COMPLETED',
  })
  error_category: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'As error_category; every attempt keeps its own' })
  error_details: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, description: 'The reason given when it was cancelled' })
  cancel_reason: string | null;
  @ApiProperty({ nullable: true, type: Number }) completeness_score: number | null;
  @ApiProperty({ nullable: true, type: Number }) confidence_score: number | null;
  @ApiProperty({ nullable: true, type: Number }) processing_time_ms: number | null;
  @ApiProperty({ nullable: true, type: String }) correlation_id: string | null;
  @ApiProperty({ nullable: true, type: String }) source_reference: string | null;
  @ApiProperty() timeout_seconds: number;
  @ApiProperty({ nullable: true, type: String }) deadline: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When a PENDING or RETRYING robot becomes claimable' })
  next_attempt_at: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'The explained routing decision' })
  routing_decision: Record<string, unknown> | null;
  @ApiProperty() created_at: string;
  @ApiProperty() updated_at: string;
  @ApiProperty({ nullable: true, type: String }) started_at: string | null;
  @ApiProperty({ nullable: true, type: String }) completed_at: string | null;

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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageDto } from '../../../core/http/page.dto.js';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import { NOTIFICATION_CHANNELS } from '../../channels/notification-channel.js';
import type { ChannelName } from '../../channels/notification-channel.js';
import type { DeliveryRow, DeliveryState } from '../deliveries.repository.js';

const STATES: DeliveryState[] = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD'];
const iso = (date: Date | null) => (date ? date.toISOString() : null);

export class ListDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATES })
  @IsOptional()
  @IsIn(STATES)
  state?: DeliveryState;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'subscription_id must be a UUID' })
  subscription_id?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS })
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  channel?: ChannelName;

  @ApiPropertyOptional({ example: 'robot.completed' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]*\.[a-z0-9_.]+$/, { message: 'event_type must be an event type such as robot.completed' })
  event_type?: string;

  @ApiPropertyOptional({ example: '2026-11-22T00:00:00Z', description: 'Created at or after (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'since must be an ISO 8601 date-time' })
  since?: string;

  @ApiPropertyOptional({ example: '2026-11-23T00:00:00Z', description: 'Created before (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'until must be an ISO 8601 date-time' })
  until?: string;
}

export class DeliveryIdParamDto {
  @ApiProperty({ format: 'uuid', example: '6f1c7a2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b' })
  @IsUUID('all', { message: 'delivery_id must be a UUID' })
  delivery_id: string;
}

export class ReplayWindowDto {
  @ApiProperty({ example: '2026-11-22T00:00:00Z', description: 'Deliveries created at or after this' })
  @IsDateString({ strict: true }, { message: 'since must be an ISO 8601 date-time' })
  since: string;

  @ApiProperty({ example: '2026-11-23T00:00:00Z', description: 'and before this' })
  @IsDateString({ strict: true }, { message: 'until must be an ISO 8601 date-time' })
  until: string;
}

export class ReplayCountDto {
  @ApiProperty({ type: 'integer', example: 12, description: 'Ended (SENT or DEAD) deliveries put back to PENDING' })
  replayed: number;
}

export class DeliveryResponseDto {
  @ApiProperty({
    format: 'uuid',
    example: '6f1c7a2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b',
    description: 'Also the webhook-id: the same on every attempt and replay',
  })
  delivery_id: string;
  @ApiProperty({ example: '1042', description: 'The event (ids are bigints, as strings)' }) event_id: string;
  @ApiProperty({ example: 'robot.completed' }) event_type: string;
  @ApiProperty({ format: 'uuid', example: '0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f' }) subscription_id: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, example: 'webhook' }) channel: ChannelName;
  @ApiProperty({ example: 'https://hooks.example.com:443', description: 'The isolation key (one queue per endpoint)' })
  endpoint: string;
  @ApiProperty({ enum: STATES, example: 'SENT' }) state: DeliveryState;
  @ApiProperty({ type: 'integer', example: 1 }) attempts: number;
  @ApiProperty({ example: '2026-11-22T10:00:05.000Z' }) next_attempt_at: string;
  @ApiProperty({ nullable: true, type: String, example: null }) last_error: string | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 200 }) response_status: number | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 84 }) latency_ms: number | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.084Z' }) updated_at: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T10:00:00.084Z' }) sent_at: string | null;

  static of(row: DeliveryRow): DeliveryResponseDto {
    return {
      delivery_id: row.delivery_id,
      event_id: row.event_id,
      event_type: row.event_type,
      subscription_id: row.subscription_id,
      channel: row.channel,
      endpoint: row.endpoint,
      state: row.state,
      attempts: row.attempts,
      next_attempt_at: row.next_attempt_at.toISOString(),
      last_error: row.last_error,
      response_status: row.response_status,
      latency_ms: row.latency_ms,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
      sent_at: iso(row.sent_at),
    };
  }
}

export class DeliveryDetailDto extends DeliveryResponseDto {
  @ApiProperty({
    type: Object,
    example: {
      type: 'robot.completed',
      timestamp: '2026-11-22T10:00:00.000Z',
      data: { robot_id: 'LEGAL_1795310000000_42', module_name: 'LegalModule', processing_time_ms: 1850 },
    },
    description: 'The Standard Webhooks body {type, timestamp, data}',
  })
  payload: Record<string, unknown>;
}

export class DeliveryPageDto extends PageDto<DeliveryResponseDto> {
  @ApiProperty({ type: DeliveryResponseDto, isArray: true }) items: DeliveryResponseDto[];
}

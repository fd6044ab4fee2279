import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  EVENT_CATALOGUE,
  type EmittingLayer,
  type EventDefinition,
  EventType,
} from '../../../core/events/event-catalogue.js';
import { CONSUMER_NAME } from '../../../core/events/event-consumer.js';
import type { ConsumerRow, ParkedEvent } from '../../../state/repositories/outbox.repository.js';

const CONSUMER_MESSAGE = 'consumer must be a plain name: letters, digits, _ or -, at most 100';

export class ConsumerParamDto {
  @ApiProperty({ example: 'notifications' })
  @Matches(CONSUMER_NAME, { message: CONSUMER_MESSAGE })
  consumer: string;
}

export class ParkedEventParamDto extends ConsumerParamDto {
  @ApiProperty({ example: 1042, type: 'integer' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  event_id: number;
}

export class ListParkedQueryDto {
  @ApiPropertyOptional({ example: 'notifications', description: 'Only this consumer' })
  @IsOptional()
  @Matches(CONSUMER_NAME, { message: CONSUMER_MESSAGE })
  consumer?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

// The catalogue's unions as values, for the document's enums: typed as records over the unions,
// the compiler refuses these when a layer or subject is added to the catalogue and not here.
const EMITTERS: Record<EmittingLayer, true> = {
  orchestrator: true,
  registry: true,
  'load-balancer': true,
  monitoring: true,
  notification: true,
  review: true,
  email: true,
};
const SUBJECTS: Record<EventDefinition['subject'], true> = {
  robot: true,
  module: true,
  subscription: true,
  review: true,
  email: true,
  mailbox: true,
};

export class EventTypeDto {
  @ApiProperty({ enum: EventType, example: EventType.RobotCompleted })
  event_type: EventType;
  @ApiProperty({ type: 'integer', example: 1 })
  version: number;
  @ApiProperty({ enum: Object.keys(EMITTERS), example: 'orchestrator' })
  emitter: EventDefinition['emitter'];
  @ApiProperty({
    enum: Object.keys(SUBJECTS),
    example: 'robot',
    description:
      'robot events carry robot_id; module and alert events module_name only; subscription events neither; review and email events their robot_id when there is one; mailbox events neither',
  })
  subject: EventDefinition['subject'];
  @ApiProperty({ example: 'The robot finished well.' })
  description: string;
  @ApiProperty({
    type: [String],
    example: ['processing_time_ms'],
    description: 'payload fields (optional ones included), as notification templates name them under data.',
  })
  fields: readonly string[];

  static all(): EventTypeDto[] {
    return Object.entries(EVENT_CATALOGUE).map(([type, definition]) => ({
      event_type: type as EventType,
      ...definition,
    }));
  }
}

export class ConsumerDto {
  @ApiProperty({ example: 'in-process' })
  consumer: string;
  @ApiProperty({ example: '1042', description: 'The last event it moved past (event ids are bigints, as strings)' })
  last_event_id: string;
  @ApiProperty({ type: 'integer', example: 0, description: 'Events after its cursor (counted up to 100,000)' })
  backlog: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'Events it kept failing, parked for replay' })
  parked: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'Failed deliveries of the event right after its cursor' })
  failed_attempts: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'When that event is delivered again' })
  retry_at: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  last_error: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'host-1:4242', description: 'The instance running it now' })
  owner: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-22T10:00:10.000Z' })
  lease_until: string | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' })
  updated_at: string;

  static of(row: ConsumerRow): ConsumerDto {
    const owned = row.lease_until !== null && row.lease_until.getTime() > Date.now();
    return {
      consumer: row.consumer,
      last_event_id: row.last_event_id,
      backlog: row.backlog,
      parked: row.parked,
      failed_attempts: row.failed_attempts,
      retry_at: row.retry_at?.toISOString() ?? null,
      last_error: row.last_error,
      owner: owned ? row.owner : null,
      lease_until: owned ? row.lease_until!.toISOString() : null,
      updated_at: row.updated_at.toISOString(),
    };
  }
}

export class ParkedEventDto {
  @ApiProperty({ example: 'notifications' })
  consumer: string;
  @ApiProperty({ example: '1042' })
  event_id: string;
  @ApiProperty({ enum: EventType, example: EventType.RobotCompleted })
  event_type: string;
  @ApiProperty({ type: 'integer', example: 1 })
  event_version: number;
  @ApiProperty({ type: String, nullable: true, example: 'LEGAL_1795310000000_42' })
  robot_id: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'LegalModule' })
  module_name: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { processing_time_ms: 1850 } })
  payload: Record<string, unknown>;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' })
  created_at: string;
  @ApiProperty({ type: 'integer', example: 5, description: 'Deliveries that failed' })
  attempts: number;
  @ApiProperty({ example: 'Error: connect ECONNREFUSED', description: 'The last failure, as the consumer threw it' })
  last_error: string;
  @ApiProperty({ example: '2026-11-22T10:05:00.000Z' })
  parked_at: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Set while a replay is pending' })
  replay_requested_at: string | null;

  static of(row: ParkedEvent): ParkedEventDto {
    return {
      consumer: row.consumer,
      event_id: row.event_id,
      event_type: row.event_type,
      event_version: row.event_version,
      robot_id: row.robot_id,
      module_name: row.module_name,
      payload: row.payload,
      created_at: row.created_at.toISOString(),
      attempts: row.attempts,
      last_error: row.last_error,
      parked_at: row.parked_at.toISOString(),
      replay_requested_at: row.replay_requested_at?.toISOString() ?? null,
    };
  }
}

export class ReplayAnswerDto {
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Parked events flagged; the consumer delivers them within about a second',
  })
  flagged: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../../core/http/page.dto.js';
import type { InboxRow } from '../inbox.repository.js';

export class InboxNotificationDto {
  @ApiProperty({
    type: 'integer',
    example: 1042,
    description: "Grows with each notification of an audience; the stream's event id (Last-Event-ID)",
  })
  notification_id: number;

  @ApiProperty({ example: 'admins', description: 'Who reads it: the in_app subscription target' })
  audience: string;

  @ApiProperty({ example: 'robot.failed' })
  event_type: string;

  @ApiProperty({ type: 'integer', nullable: true, example: 88123, description: 'The event it tells of' })
  event_id: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0b6c1f8e-8f1c-4f55-9a52-3a4c1e2f9d10',
    description: 'The delivery that wrote it: one notification per delivery, however often it is retried',
  })
  delivery_id: string | null;

  @ApiProperty({ example: 'Robot LEGAL_1795310000000_42 failed' })
  title: string;

  @ApiProperty({ example: 'legal_review on LegalModule: Unreadable scan (VALIDATION, not retried)' })
  body: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { robot_id: 'LEGAL_1795310000000_42', module_name: 'LegalModule', subscription_id: '5f0c...' },
    description: "The event's data with the event, delivery and subscription ids",
  })
  data: Record<string, unknown>;

  @ApiProperty({ example: false })
  read: boolean;

  @ApiProperty({ type: String, nullable: true, example: null })
  read_at: string | null;

  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' })
  created_at: string;

  static of(row: InboxRow): InboxNotificationDto {
    return {
      notification_id: Number(row.notification_id),
      audience: row.audience,
      event_type: row.event_type,
      event_id: row.event_id === null ? null : Number(row.event_id),
      delivery_id: row.delivery_id,
      title: row.title,
      body: row.body,
      data: row.data,
      read: row.read_at !== null,
      read_at: row.read_at?.toISOString() ?? null,
      created_at: row.created_at.toISOString(),
    };
  }
}

export class InboxPageDto extends PageDto<InboxNotificationDto> {
  @ApiProperty({ type: InboxNotificationDto, isArray: true, description: 'Newest first' })
  items: InboxNotificationDto[];

  @ApiProperty({ example: 'admins', description: 'Whose inbox this is (NOTIFY_ADMIN_AUDIENCE when none was named)' })
  audience: string;

  @ApiProperty({ type: 'integer', example: 3, description: "The audience's unread notifications, all pages" })
  unread_count: number;
}

export class UnreadCountDto {
  @ApiProperty({ example: 'admins' })
  audience: string;

  @ApiProperty({ type: 'integer', example: 3 })
  unread_count: number;
}

export class MarkedReadDto extends UnreadCountDto {
  @ApiProperty({ type: 'integer', example: 3, description: 'Notifications this call marked read' })
  marked: number;
}

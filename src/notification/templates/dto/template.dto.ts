import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { NOTIFICATION_LOCALES, type NotificationLocale } from '../../channels/notification-channel.js';
import { RENDERED_CHANNELS, type RenderedChannel } from '../defaults/index.js';
import { TEMPLATE_EVENT_TYPES, type TemplateEventType } from '../template-context.js';

// Generous for a message, small enough that validating one stays well under a millisecond per KB.
const SUBJECT_MAX = 1_000;
const BODY_MAX = 20_000;
const HTML_MAX = 100_000;

/** A template's Handlebars sources, as PUT saves them. */
export class SaveTemplateDto {
  @ApiProperty({
    example: 'Robot {{robot_id}} completado',
    description: 'email subject, in-app title, the line in a digest (plain text, not escaped)',
    maxLength: SUBJECT_MAX,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(SUBJECT_MAX)
  subject: string;

  @ApiProperty({
    example: 'El robot {{robot_id}} terminó en {{duration data.processing_time_ms}}.',
    description: 'email text part, SMS text, in-app body (plain text, not escaped)',
    maxLength: BODY_MAX,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(BODY_MAX)
  body_text: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '<p>El robot <b>{{robot_id}}</b> terminó.</p>',
    description: 'email only; every {{value}} is HTML-escaped ({{{ }}} is refused); null: the text part as HTML',
    maxLength: HTML_MAX,
  })
  @IsOptional()
  @IsString()
  @MaxLength(HTML_MAX)
  body_html?: string | null;
}

export class PreviewTemplateDto extends SaveTemplateDto {
  @ApiProperty({ enum: TEMPLATE_EVENT_TYPES, example: 'robot.completed' })
  @IsIn(TEMPLATE_EVENT_TYPES)
  event_type: TemplateEventType;

  @ApiProperty({ enum: RENDERED_CHANNELS, example: 'email' })
  @IsIn(RENDERED_CHANNELS, { message: `channel must be one of ${RENDERED_CHANNELS.join(', ')}` })
  channel: RenderedChannel;

  @ApiProperty({ enum: NOTIFICATION_LOCALES, example: 'es' })
  @IsIn(NOTIFICATION_LOCALES)
  locale: NotificationLocale;

  @ApiPropertyOptional({
    type: Object,
    example: { processing_time_ms: 12840 },
    description: "the event's data; unset: a sample event of the type (a digest previews sample events)",
  })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

export class TemplateDto {
  @ApiProperty({ example: 'robot.completed', description: 'a catalogue event type, `*` or `digest`' })
  event_type: string;
  @ApiProperty({ enum: RENDERED_CHANNELS, example: 'email' }) channel: string;
  @ApiProperty({ enum: NOTIFICATION_LOCALES, example: 'es' }) locale: string;
  @ApiProperty({
    enum: ['default', 'override'],
    example: 'override',
    description: 'override: stored over the API; default: shipped with botfleet',
  })
  source: 'default' | 'override';
  @ApiProperty({ example: 'Robot {{robot_id}} completado' }) subject: string;
  @ApiProperty({ example: 'El robot {{robot_id}} terminó en {{duration data.processing_time_ms}}.' })
  body_text: string;
  @ApiProperty({ nullable: true, type: String, example: '<p>El robot <b>{{robot_id}}</b> terminó.</p>' })
  body_html: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'key_3f9a1c2b', description: 'the key that saved it' })
  updated_by: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T10:00:00.000Z' })
  updated_at: string | null;
}

export class RenderedTemplateDto {
  @ApiProperty({ example: 'Robot LEGAL_1795310000000_42 completado' }) subject: string;
  @ApiProperty({ example: 'El robot LEGAL_1795310000000_42 terminó en 12,8 s.' }) text: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '<p>El robot <b>LEGAL_1795310000000_42</b> terminó.</p>',
    description: 'email only',
  })
  html: string | null;
}

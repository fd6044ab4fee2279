import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { NOTIFICATION_LOCALES, type NotificationLocale } from '../../channels/notification-channel.js';
import { RENDERED_CHANNELS, type RenderedChannel } from '../defaults/index.js';
import { TEMPLATE_EVENT_TYPES, type TemplateEventType } from '../template-context.js';

const EVENT_TYPE_DOC = {
  enum: TEMPLATE_EVENT_TYPES,
  example: 'robot.completed',
  description: 'a catalogue event type, `*` (the generic template) or `digest` (several events in one message)',
};
const CHANNEL_DOC = {
  enum: RENDERED_CHANNELS,
  example: 'email',
  description: 'webhooks are not rendered: their body is the event itself',
};
const LOCALE_DOC = { enum: NOTIFICATION_LOCALES, example: 'es' };
const CHANNEL_MESSAGE = `channel must be one of ${RENDERED_CHANNELS.join(', ')} (webhook bodies are not templated)`;

/** The path of one template: /:event_type/:channel/:locale. */
export class TemplateKeyParamDto {
  @ApiProperty(EVENT_TYPE_DOC)
  @IsIn(TEMPLATE_EVENT_TYPES)
  event_type: TemplateEventType;

  @ApiProperty(CHANNEL_DOC)
  @IsIn(RENDERED_CHANNELS, { message: CHANNEL_MESSAGE })
  channel: RenderedChannel;

  @ApiProperty(LOCALE_DOC)
  @IsIn(NOTIFICATION_LOCALES)
  locale: NotificationLocale;
}

export class ListTemplatesQueryDto {
  @ApiPropertyOptional(EVENT_TYPE_DOC)
  @IsOptional()
  @IsIn(TEMPLATE_EVENT_TYPES)
  event_type?: TemplateEventType;

  @ApiPropertyOptional(CHANNEL_DOC)
  @IsOptional()
  @IsIn(RENDERED_CHANNELS, { message: CHANNEL_MESSAGE })
  channel?: RenderedChannel;

  @ApiPropertyOptional(LOCALE_DOC)
  @IsOptional()
  @IsIn(NOTIFICATION_LOCALES)
  locale?: NotificationLocale;

  @ApiPropertyOptional({ enum: ['default', 'override'], example: 'override' })
  @IsOptional()
  @IsIn(['default', 'override'])
  source?: 'default' | 'override';
}

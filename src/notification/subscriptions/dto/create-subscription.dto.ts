import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
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
import { RETRY_SCHEDULE_LIMITS } from '../../../core/config/settings/notification.settings.js';
import { REFERENCE_PATTERN, ROBOT_TYPE_PATTERN } from '../../../core/validation/identifiers.js';
import { Priority } from '../../../sdk/index.js';
import { NOTIFICATION_CHANNELS, NOTIFICATION_LOCALES } from '../../channels/notification-channel.js';
import type { ChannelName, NotificationLocale } from '../../channels/notification-channel.js';
import { TARGET_MAX_LENGTH } from '../subscription-targets.js';

export const SUBSCRIPTION_LIMITS = {
  eventTypes: 50,
  nameLength: 200,
  digestSeconds: { min: 10, max: 86_400 },
  timeoutMs: { min: 1_000, max: 60_000 },
} as const;

/** Names starting with `system:` belong to the built-in subscriptions; control characters are refused. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const NAME_PATTERN = /^(?!system:)[^\u0000-\u001f\u007f]+$/;

/** Every set filter must equal the event's for it to be delivered. */
export class SubscriptionFilterDto {
  @ApiPropertyOptional({ example: 'legal_review' })
  @IsOptional()
  @Matches(ROBOT_TYPE_PATTERN, { message: 'filter.robot_type must be 1-50 lowercase letters, digits, _ . or -' })
  robot_type?: string;

  @ApiPropertyOptional({ example: 'LegalModule' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  module_name?: string;

  @ApiPropertyOptional({ enum: Priority, example: Priority.High })
  @IsOptional()
  @IsEnum(Priority)
  priority?: Priority;

  @ApiPropertyOptional({ example: 'batch-2026-11-22' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(REFERENCE_PATTERN, { message: 'filter.correlation_id may hold letters, digits and . _ : @ / # - only' })
  correlation_id?: string;
}

/** The settings POST and PATCH share. */
export class SubscriptionSettingsDto {
  @ApiPropertyOptional({ example: 'ops webhook', maxLength: SUBSCRIPTION_LIMITS.nameLength, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SUBSCRIPTION_LIMITS.nameLength)
  @Matches(NAME_PATTERN, { message: 'name may not start with system: nor hold control characters' })
  name?: string | null;

  @ApiPropertyOptional({ type: SubscriptionFilterDto, description: 'All set fields must match' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SubscriptionFilterDto)
  filter?: SubscriptionFilterDto;

  @ApiPropertyOptional({ enum: NOTIFICATION_LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(NOTIFICATION_LOCALES)
  locale?: NotificationLocale;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: SUBSCRIPTION_LIMITS.digestSeconds.min,
    maximum: SUBSCRIPTION_LIMITS.digestSeconds.max,
    nullable: true,
    example: 300,
    description: 'Email only: events arriving within this window go out as one message',
  })
  @IsOptional()
  @IsInt()
  @Min(SUBSCRIPTION_LIMITS.digestSeconds.min)
  @Max(SUBSCRIPTION_LIMITS.digestSeconds.max)
  digest_seconds?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    minItems: RETRY_SCHEDULE_LIMITS.minEntries,
    maxItems: RETRY_SCHEDULE_LIMITS.maxEntries,
    nullable: true,
    example: [0, 5, 300, 1800],
    description: 'Seconds before each attempt (0-604800 each); default NOTIFY_RETRY_SCHEDULE',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(RETRY_SCHEDULE_LIMITS.minEntries)
  @ArrayMaxSize(RETRY_SCHEDULE_LIMITS.maxEntries)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(RETRY_SCHEDULE_LIMITS.maxSeconds, { each: true })
  retry_schedule?: number[] | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: SUBSCRIPTION_LIMITS.timeoutMs.min,
    maximum: SUBSCRIPTION_LIMITS.timeoutMs.max,
    nullable: true,
    example: 15000,
    description: 'Per-attempt timeout; default the dispatcher’s',
  })
  @IsOptional()
  @IsInt()
  @Min(SUBSCRIPTION_LIMITS.timeoutMs.min)
  @Max(SUBSCRIPTION_LIMITS.timeoutMs.max)
  timeout_ms?: number | null;
}

export class CreateSubscriptionDto extends SubscriptionSettingsDto {
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, example: 'webhook' })
  @IsIn(NOTIFICATION_CHANNELS)
  channel: ChannelName;

  @ApiProperty({
    example: 'https://hooks.example.com/botfleet',
    maxLength: TARGET_MAX_LENGTH,
    description: 'webhook: http(s) URL; email: an address; sms: E.164 (+34600111222); in_app: an audience name',
  })
  @IsString()
  @MaxLength(TARGET_MAX_LENGTH)
  target: string;

  @ApiProperty({
    example: ['robot.completed', 'robot.failed', 'alert.*'],
    maxItems: SUBSCRIPTION_LIMITS.eventTypes,
    description: 'Catalogue event types, families (`robot.*`) or `*`; robot.progress only when named',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUBSCRIPTION_LIMITS.eventTypes)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  event_types: string[];
}

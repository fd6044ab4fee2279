import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../../core/http/page.dto.js';
import { NOTIFICATION_CHANNELS, NOTIFICATION_LOCALES } from '../../channels/notification-channel.js';
import type { ChannelName, NotificationLocale } from '../../channels/notification-channel.js';
import type { SubscriptionFilter, SubscriptionRow, SubscriptionStatus } from '../subscriptions.repository.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A subscription as the API shows it: never its secret, only whether it has one. */
export class SubscriptionResponseDto {
  @ApiProperty({ format: 'uuid', example: '0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f' }) subscription_id: string;
  @ApiProperty({ nullable: true, type: String, example: 'ops webhook' }) name: string | null;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, example: 'webhook' }) channel: ChannelName;
  @ApiProperty({ example: 'https://hooks.example.com/botfleet' }) target: string;
  @ApiProperty({ example: ['robot.completed', 'robot.failed'] }) event_types: string[];
  @ApiProperty({ type: Object, example: { robot_type: 'legal_review' } }) filter: SubscriptionFilter;
  @ApiProperty({ enum: NOTIFICATION_LOCALES, example: 'en' }) locale: NotificationLocale;
  @ApiProperty({ nullable: true, type: 'integer', example: null }) digest_seconds: number | null;
  @ApiProperty({ nullable: true, type: 'integer', isArray: true, example: null }) retry_schedule: number[] | null;
  @ApiProperty({ nullable: true, type: 'integer', example: null }) timeout_ms: number | null;
  @ApiProperty({ enum: ['ACTIVE', 'DISABLED'], example: 'ACTIVE' }) status: SubscriptionStatus;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Why it was disabled' })
  disabled_reason: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) disabled_at: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'First failure since the last success; disabled NOTIFY_DISABLE_AFTER_HOURS after it',
  })
  failing_since: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'Set for a subscription made with `notify` on robot creation: that robot only',
  })
  robot_id: string | null;
  @ApiProperty({ example: true, description: 'A webhook signing secret is stored (never shown after creation)' })
  has_secret: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'After a rotation: until then messages are signed with the new and the previous secret',
  })
  secret_rotating_until: string | null;
  @ApiProperty({ example: false, description: 'Built in (system:*): follows the configuration, read-only here' })
  system: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'key_3f9a1c2b', description: 'The key that created it' })
  created_by: string | null;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) updated_at: string;

  static of(row: SubscriptionRow): SubscriptionResponseDto {
    const rotating = row.previous_secret_expires_at && row.previous_secret_expires_at.getTime() > Date.now();
    return {
      subscription_id: row.subscription_id,
      name: row.name,
      channel: row.channel,
      target: row.target,
      event_types: row.event_types,
      filter: row.filter,
      locale: row.locale,
      digest_seconds: row.digest_seconds,
      retry_schedule: row.retry_schedule,
      timeout_ms: row.timeout_ms,
      status: row.status,
      disabled_reason: row.disabled_reason,
      disabled_at: iso(row.disabled_at),
      failing_since: iso(row.failing_since),
      robot_id: row.robot_id,
      has_secret: row.secret_ciphertext !== null,
      secret_rotating_until: rotating && row.previous_secret_ciphertext ? iso(row.previous_secret_expires_at) : null,
      system: row.created_by === 'system',
      created_by: row.created_by,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
    };
  }
}

/** The answer of create and rotate-secret: the only times a webhook secret is shown. */
export class SubscriptionWithSecretDto extends SubscriptionResponseDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Webhooks: the signing secret, shown in this answer only (null for other channels). Store it now.',
  })
  secret: string | null;
}

export class SubscriptionPageDto extends PageDto<SubscriptionResponseDto> {
  @ApiProperty({ type: SubscriptionResponseDto, isArray: true }) items: SubscriptionResponseDto[];
}

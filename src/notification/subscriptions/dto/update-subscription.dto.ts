import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, ValidateIf } from 'class-validator';
import { TARGET_MAX_LENGTH } from '../subscription-targets.js';
import { SUBSCRIPTION_LIMITS, SubscriptionSettingsDto } from './create-subscription.dto.js';

/** Absent fields keep their value; null clears name, digest_seconds, retry_schedule and timeout_ms. */
export class UpdateSubscriptionDto extends SubscriptionSettingsDto {
  @ApiPropertyOptional({
    example: 'https://hooks.example.com/botfleet-v2',
    maxLength: TARGET_MAX_LENGTH,
    description: 'Checked as at creation, for the subscription’s channel (which never changes)',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(TARGET_MAX_LENGTH)
  target?: string;

  @ApiPropertyOptional({ example: ['robot.*'], maxItems: SUBSCRIPTION_LIMITS.eventTypes })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUBSCRIPTION_LIMITS.eventTypes)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  event_types?: string[];
}

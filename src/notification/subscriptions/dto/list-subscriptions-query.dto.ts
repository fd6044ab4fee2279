import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import { NOTIFICATION_CHANNELS } from '../../channels/notification-channel.js';
import type { ChannelName } from '../../channels/notification-channel.js';
import type { SubscriptionStatus } from '../subscriptions.repository.js';

export class ListSubscriptionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS })
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  channel?: ChannelName;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'DISABLED'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'DISABLED'])
  status?: SubscriptionStatus;

  @ApiPropertyOptional({ example: 'LEGAL_1795310000000_42', description: 'Only the subscriptions of this robot' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'robot_id is not a valid robot id' })
  robot_id?: string;
}

export class SubscriptionIdParamDto {
  @ApiProperty({ format: 'uuid', example: '0b9f2c4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f' })
  @IsUUID('all', { message: 'subscription_id must be a UUID' })
  subscription_id: string;
}

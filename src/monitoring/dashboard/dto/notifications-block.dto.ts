import { ApiProperty } from '@nestjs/swagger';

class ChannelHourDto {
  @ApiProperty({ example: 'webhook' }) channel: string;
  @ApiProperty({ type: 'integer', example: 1520, description: 'Sent, of the deliveries created in the last hour' })
  sent: number;
  @ApiProperty({ type: 'integer', example: 12, description: 'Failing and waiting for a retry' }) failed: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'Given up (DEAD)' }) dead: number;
  @ApiProperty({ type: 'integer', example: 4, description: 'Not sent yet (PENDING or SENDING)' }) waiting: number;
}

class DisabledSubscriptionDto {
  @ApiProperty({ example: '6f1c2a4e-8b9d-4c3e-a1f2-0d9e8c7b6a54' }) subscription_id: string;
  @ApiProperty({ example: 'webhook' }) channel: string;
  @ApiProperty({ example: 'HTTP 410 Gone: the receiver asked to stop', nullable: true, type: String })
  reason: string | null;
  @ApiProperty({ example: '2026-11-23T08:42:10Z' }) disabled_at: string;
}

/** The dashboard's notifications block: from the database, cached 30 s like the fleet figures. */
export class NotificationsBlockDto {
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' }) computed_at: string;
  @ApiProperty({ type: [ChannelHourDto], description: 'Deliveries created in the last hour, by channel and state' })
  last_hour: ChannelHourDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { webhook: 3, email: 0 },
    description: 'Deliveries due and waiting for a send, by channel',
  })
  queue_depth: Record<string, number>;
  @ApiProperty({ example: 1.4, description: 'How long the most overdue delivery has waited past its due time' })
  oldest_pending_seconds: number;
  @ApiProperty({ type: 'integer', example: 2 }) disabled_subscriptions: number;
  @ApiProperty({ type: [DisabledSubscriptionDto], description: 'The five most recently disabled' })
  recently_disabled: DisabledSubscriptionDto[];
}

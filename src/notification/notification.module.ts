import { Module } from '@nestjs/common';
import { WebhookChannelModule } from './channels/webhook/webhook-channel.module.js';
import { NotificationDispatchModule } from './deliveries/notification-dispatch.module.js';

/**
 * Email, webhook, SMS and in-app delivery with retries and a dead letter [NotificationService].
 * Each part is a module of its own: the dispatcher, and one module per channel adapter.
 */
@Module({
  imports: [NotificationDispatchModule, WebhookChannelModule],
})
export class NotificationModule {}

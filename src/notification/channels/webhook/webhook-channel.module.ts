import { Module } from '@nestjs/common';
import { WebhookChannel } from './webhook.channel.js';

/** The webhook channel adapter (found by the dispatcher through its @NotificationChannel mark). */
@Module({
  providers: [WebhookChannel],
  exports: [WebhookChannel],
})
export class WebhookChannelModule {}

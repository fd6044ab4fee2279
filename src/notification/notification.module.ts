import { Module } from '@nestjs/common';
import { WebhookChannelModule } from './channels/webhook/webhook-channel.module.js';
import { NotificationDispatchModule } from './deliveries/notification-dispatch.module.js';
import { NotificationInboxModule } from './inbox/inbox.module.js';
import { NotificationCoreModule } from './notification-core.module.js';
import { RobotNotifyModule } from './subscriptions/robot-notify.module.js';
import { NotificationTemplatesModule } from './templates/templates.module.js';

/**
 * Email, webhook, SMS and in-app delivery with retries and a dead letter [NotificationService].
 * Each part of the layer is its own module: subscriptions, fan-out and the delivery log (core);
 * the dispatcher; the webhook channel; templates with the email and SMS channels; the in-app
 * inbox and its stream. The dispatcher finds every channel by its @NotificationChannel mark.
 */
@Module({
  imports: [
    NotificationCoreModule,
    RobotNotifyModule,
    NotificationDispatchModule,
    WebhookChannelModule,
    NotificationTemplatesModule,
    NotificationInboxModule,
  ],
})
export class NotificationModule {}

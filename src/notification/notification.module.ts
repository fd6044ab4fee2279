import { Module } from '@nestjs/common';
import { NotificationInboxModule } from './inbox/inbox.module.js';
import { NotificationCoreModule } from './notification-core.module.js';
import { RobotNotifyModule } from './subscriptions/robot-notify.module.js';
import { NotificationTemplatesModule } from './templates/templates.module.js';

/**
 * Email, webhook, SMS and in-app delivery with retries and a dead letter [NotificationService].
 * Each part of the layer is its own module: subscriptions, fan-out and the delivery log (core);
 * templates with the email and SMS channels; the in-app inbox and its stream; the dispatcher.
 */
@Module({
  imports: [NotificationCoreModule, RobotNotifyModule, NotificationTemplatesModule, NotificationInboxModule],
})
export class NotificationModule {}

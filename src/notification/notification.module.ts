import { Module } from '@nestjs/common';
import { NotificationCoreModule } from './notification-core.module.js';
import { RobotNotifyModule } from './subscriptions/robot-notify.module.js';

/**
 * Email, webhook, SMS and in-app delivery with retries and a dead letter [NotificationService].
 * Each part of the layer is its own module: subscriptions, fan-out and the delivery log (core);
 * the dispatcher and the channels, templates and the inbox plug in beside it.
 */
@Module({
  imports: [NotificationCoreModule, RobotNotifyModule],
})
export class NotificationModule {}

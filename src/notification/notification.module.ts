import { Module } from '@nestjs/common';
import { NotificationInboxModule } from './inbox/inbox.module.js';

/**
 * Email, webhook, SMS and in-app delivery with retries and a dead letter [NotificationService].
 * Each part is its own module.
 */
@Module({
  imports: [NotificationInboxModule],
})
export class NotificationModule {}

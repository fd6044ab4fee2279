import { Module } from '@nestjs/common';
import { NotificationTemplatesModule } from './templates/templates.module.js';

/**
 * Email, webhook, SMS and in-app delivery with retries and a dead letter [NotificationService].
 * Each part of the layer is its own module, imported here.
 */
@Module({
  imports: [NotificationTemplatesModule],
})
export class NotificationModule {}

import { Module } from '@nestjs/common';

/**
 * Email, webhook, SMS and in-app delivery with retries and a dead letter [NotificationService].
 * The layer's place in the dependency graph is fixed now; its behaviour arrives with its issue.
 */
@Module({})
export class NotificationModule {}

import { Module } from '@nestjs/common';
import { DeliveryStatsRepository } from './delivery-stats.repository.js';
import { NotificationMetrics } from './notification-metrics.js';

/**
 * What the monitoring layer reads of notifications (metrics, queue figures for alerts and the
 * dashboard). A module of its own so monitoring imports it without the dispatcher, and both get
 * the same NotificationMetrics instance.
 */
@Module({
  providers: [DeliveryStatsRepository, NotificationMetrics],
  exports: [DeliveryStatsRepository, NotificationMetrics],
})
export class NotificationTelemetryModule {}

import { Injectable } from '@nestjs/common';
import { Registry } from 'prom-client';
import { NotificationMetrics } from '../../notification/deliveries/notification-metrics.js';

/** Puts the notification layer's metrics (sends by outcome, latencies, queue) on /metrics. */
@Injectable()
export class NotificationMetricsCollector {
  constructor(registry: Registry, metrics: NotificationMetrics) {
    for (const metric of metrics.all()) registry.registerMetric(metric);
  }
}

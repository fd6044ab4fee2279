import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Metric } from 'prom-client';
import type { ChannelName } from '../channels/notification-channel.js';
import { DeliveryStatsRepository, type QueueFigures } from './delivery-stats.repository.js';

/** A scrape reads the queue at most this often, however many Prometheus servers scrape. */
const QUEUE_TTL_MS = 5_000;
export type DeliveryOutcomeLabel = 'sent' | 'failed' | 'dead';

/**
 * The notification metrics. They are created unregistered: the monitoring layer adds them to the
 * /metrics registry when metrics are on (so this layer needs nothing of it). Labels are channels
 * and outcomes only: bounded sets, never targets or ids.
 */
@Injectable()
export class NotificationMetrics {
  readonly deliveries = new Counter({
    name: 'botfleet_notifications_total',
    help: 'Notification send attempts by channel and outcome (failed: will be retried; dead: given up)',
    labelNames: ['channel', 'outcome'],
    registers: [],
  });

  readonly sendSeconds = new Histogram({
    name: 'botfleet_notification_delivery_seconds',
    help: 'Time one send took (request to answer), by channel',
    labelNames: ['channel'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [],
  });

  readonly eventToDeliverySeconds = new Histogram({
    name: 'botfleet_notification_event_to_delivery_seconds',
    help: 'Time from the event (its timestamp) to its successful send, by channel',
    labelNames: ['channel'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
    registers: [],
  });

  private cached?: { at: number; value: Promise<QueueFigures> };
  private readonly queueGauges: Metric[];

  constructor(private readonly stats: DeliveryStatsRepository) {
    const queue = () => this.queue();
    this.queueGauges = [
      new Gauge({
        name: 'botfleet_notification_queue_depth',
        help: 'Deliveries due and waiting for a send, by channel',
        labelNames: ['channel'],
        registers: [],
        async collect() {
          const figures = await queue();
          this.reset();
          for (const [channel, n] of Object.entries(figures.queue_depth)) this.set({ channel }, n);
        },
      }),
      new Gauge({
        name: 'botfleet_notification_oldest_pending_seconds',
        help: 'How long the most overdue delivery has waited past its due time (0 when none)',
        registers: [],
        async collect() {
          this.set((await queue()).oldest_pending_seconds);
        },
      }),
    ];
  }

  /** Every notification metric, for the /metrics registry. */
  all(): Metric[] {
    return [this.deliveries, this.sendSeconds, this.eventToDeliverySeconds, ...this.queueGauges];
  }

  outcome(channel: ChannelName, outcome: DeliveryOutcomeLabel, count = 1): void {
    this.deliveries.inc({ channel, outcome }, count);
  }

  private queue(): Promise<QueueFigures> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= QUEUE_TTL_MS) {
      const value = this.stats.queue();
      value.catch(() => (this.cached = undefined));
      this.cached = { at: now, value };
    }
    return this.cached.value;
  }
}

import { Inject, Logger } from '@nestjs/common';
import { AUDIENCE_MESSAGE, AUDIENCE_PATTERN } from '../../inbox/audience.js';
import { InboxFeed } from '../../inbox/inbox-feed.service.js';
import { InboxRepository } from '../../inbox/inbox.repository.js';
import {
  type DeliveryOutcome,
  NOTIFICATION_RENDERER,
  NotificationChannel,
  type NotificationChannelAdapter,
  type NotificationRenderer,
  type OutgoingNotification,
  type RenderedMessage,
} from '../notification-channel.js';

/**
 * In-app: a delivery becomes one row of its audience's inbox (the subscription's target), which
 * the inbox API lists and the stream sends live. The row is keyed by the delivery, so a retried
 * or replayed delivery finds it written and succeeds without a second row.
 */
@NotificationChannel('in_app')
export class InAppChannel implements NotificationChannelAdapter {
  readonly channel = 'in_app' as const;
  private readonly logger = new Logger(InAppChannel.name);

  constructor(
    @Inject(NOTIFICATION_RENDERER) private readonly renderer: NotificationRenderer,
    private readonly inbox: InboxRepository,
    private readonly feed: InboxFeed,
  ) {}

  validateTarget(target: string): string | null {
    return AUDIENCE_PATTERN.test(target) ? null : AUDIENCE_MESSAGE;
  }

  async send(notification: OutgoingNotification): Promise<DeliveryOutcome> {
    const { event, subscription } = notification;
    const audience = subscription.target;
    if (!AUDIENCE_PATTERN.test(audience)) return { ok: false, error: AUDIENCE_MESSAGE, permanent: true };
    let message: RenderedMessage;
    try {
      // A digest holds every event it groups, the first being `event`.
      message = await this.renderer.render('in_app', subscription.locale, notification.digest ?? [event]);
    } catch (error) {
      this.logger.warn(`in_app render for delivery ${notification.delivery_id} failed: ${(error as Error).message}`);
      return { ok: false, error: 'the notification could not be rendered' };
    }
    try {
      const row = await this.inbox.insert({
        audience,
        delivery_id: notification.delivery_id,
        event_id: event.event_id,
        event_type: event.type,
        title: message.subject,
        body: message.text,
        data: {
          ...event.data,
          event_id: event.event_id,
          event_type: event.type,
          robot_id: event.robot_id,
          module_name: event.module_name,
          delivery_id: notification.delivery_id,
          subscription_id: subscription.subscription_id,
        },
      });
      // Announced once, when written, and not awaited: the row is safe, and the streams' heartbeat
      // poll finds it should the announcement be lost.
      if (row) void this.feed.announce(audience);
      return { ok: true };
    } catch (error) {
      this.logger.warn(`inbox write for delivery ${notification.delivery_id} failed: ${(error as Error).message}`);
      return { ok: false, error: 'the inbox could not be written (database unavailable)' };
    }
  }
}

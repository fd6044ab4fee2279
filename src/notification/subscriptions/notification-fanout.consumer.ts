import { AppConfig } from '../../core/config/app-config.service.js';
import { eventMatches, EventType } from '../../core/events/event-catalogue.js';
import { type DeliveredEvent, EventConsumer, type EventHandler } from '../../sdk/index.js';
import { DeliverySignals } from '../deliveries/delivery-signals.js';
import { ActiveSubscriptions, ROBOT_SCOPED_EVENTS } from './active-subscriptions.js';
import { type FanoutEvent, FanoutRepository } from './fanout.repository.js';
import type { MatchableSubscription } from './subscriptions.repository.js';

/**
 * True when a subscription wants an event, as far as memory can tell: its event types, and its
 * module filter (module_name travels on the event). Filters on robot facts are judged in SQL.
 * `robot.progress` (one per step, the chattiest event) only reaches a subscription naming it.
 */
export function wants(subscription: MatchableSubscription, event: Pick<DeliveredEvent, 'event_type' | 'module_name'>) {
  if (event.event_type === EventType.RobotProgress) {
    if (!subscription.event_types.includes(EventType.RobotProgress)) return false;
  } else if (!eventMatches(subscription.event_types, event.event_type)) return false;
  const moduleName = subscription.filter.module_name;
  return moduleName === undefined || moduleName === event.module_name;
}

/**
 * The fan-out: every event, to a delivery per subscription that wants it (one statement per outbox
 * read, however many events and subscriptions), then a wake-up for the dispatchers. Durable and at least once
 * (the events outbox); a redelivered event inserts nothing twice.
 */
@EventConsumer({ name: 'notifications', events: ['*'] })
export class NotificationFanout implements EventHandler {
  private readonly enabled: boolean;

  constructor(
    private readonly subscriptions: ActiveSubscriptions,
    private readonly fanout: FanoutRepository,
    private readonly signals: DeliverySignals,
    config: AppConfig,
  ) {
    this.enabled = config.get('NOTIFY_ENABLED');
  }

  handle(event: DeliveredEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  /** The events of one outbox read, in one statement (the relay falls back to one by one on a failure). */
  async handleBatch(events: DeliveredEvent[]): Promise<void> {
    if (!this.enabled) return;
    const snapshot = await this.subscriptions.current();
    const batch: FanoutEvent[] = [];
    for (const event of events) {
      const payload = event.payload as Record<string, unknown>;
      if (event.event_type === EventType.RobotCreated && Number(payload.notify) > 0)
        this.subscriptions.noteRobotScoped();
      const ids = snapshot.subscriptions.filter((s) => wants(s, event)).map((s) => s.subscription_id);
      const robotScoped =
        snapshot.robotScoped && event.robot_id !== null && ROBOT_SCOPED_EVENTS.includes(event.event_type);
      if (ids.length === 0 && !robotScoped) continue;
      batch.push({
        event_id: event.event_id,
        event_type: event.event_type,
        robot_id: event.robot_id,
        module_name: event.module_name,
        payload,
        created_at: event.created_at,
        subscription_ids: ids,
        robot_scoped: robotScoped,
      });
    }
    if (batch.length === 0) return;
    this.signals.created(await this.fanout.createDeliveries(batch));
  }
}

import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { consumerOptions, type DeliveredEvent, type EventHandler } from '../../core/events/event-consumer.js';

/**
 * The built-in consumer `in-process`: republishes every event on Nest's event emitter, for
 * listeners that only need to react inside this app (`@OnEvent('robot.completed')`). A listener
 * that throws fails the delivery like any consumer's handler (retried, then parked). Listeners run
 * on the one instance that holds this consumer's lease, not on every instance.
 */
@Injectable()
export class InProcessEventBridge implements EventHandler {
  static readonly OPTIONS = consumerOptions({ name: 'in-process', startFrom: 'now' });

  constructor(private readonly emitter: EventEmitter2) {}

  async handle(event: DeliveredEvent): Promise<void> {
    await this.emitter.emitAsync(event.event_type, event);
  }
}

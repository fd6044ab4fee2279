import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { PgListener } from '../../state/pg-listener.service.js';

/** In-process: emitted on this instance's EventEmitter2 when deliveries became due (created or replayed). */
export const DELIVERIES_CREATED = 'notifications.deliveries_created';

/** Across instances: the pg_notify channel announcing the same, for dispatchers elsewhere (PgListener). */
export const DELIVERIES_CHANNEL = 'notification_deliveries';

export interface DeliveriesCreated {
  count: number;
}

/**
 * Wakes the dispatchers when deliveries are due now, so they need not poll for them: at once on
 * this instance, and with one pg_notify at a time for the others (announcements during one
 * in flight fold into the next, so a burst of events costs a notify or two, not one each).
 */
@Injectable()
export class DeliverySignals {
  private publishing = false;
  private again = false;

  constructor(
    private readonly emitter: EventEmitter2,
    private readonly listener: PgListener,
  ) {}

  created(count: number): void {
    if (count <= 0) return;
    this.emitter.emit(DELIVERIES_CREATED, { count } satisfies DeliveriesCreated);
    this.announce();
  }

  private announce(): void {
    if (this.publishing) {
      this.again = true;
      return;
    }
    this.publishing = true;
    void this.listener.publish(DELIVERIES_CHANNEL, ['']).finally(() => {
      this.publishing = false;
      if (this.again) {
        this.again = false;
        this.announce();
      }
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DomainException } from '../../core/errors/domain.exception.js';
import { CoreErrorCode } from '../../core/errors/error-catalogue.js';
import { paginate } from '../../core/http/keyset-pagination.js';
import { deliveryNotFound, NotificationErrorCode, subscriptionNotFound } from '../notification.errors.js';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository.js';
import { DeliveriesRepository, ENDED_STATES } from './deliveries.repository.js';
import { DeliverySignals } from './delivery-signals.js';
import {
  DeliveryDetailDto,
  type DeliveryPageDto,
  DeliveryResponseDto,
  type ListDeliveriesQueryDto,
  type ReplayCountDto,
} from './dto/delivery.dto.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The delivery log over REST, and replays: an ended delivery goes back to PENDING with its id. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly signals: DeliverySignals,
  ) {}

  list(query: ListDeliveriesQueryDto): Promise<DeliveryPageDto> {
    const since = query.since ? new Date(query.since) : undefined;
    const until = query.until ? new Date(query.until) : undefined;
    return paginate(
      {
        fetch: (before, limit) =>
          this.deliveries.list({
            state: query.state,
            subscription_id: query.subscription_id,
            channel: query.channel,
            event_type: query.event_type,
            since,
            until,
            before,
            limit,
          }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.delivery_id }),
        toItem: (row) => DeliveryResponseDto.of(row),
        idPattern: UUID_PATTERN,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  async get(id: string): Promise<DeliveryDetailDto> {
    const row = await this.deliveries.findById(id);
    if (!row) throw deliveryNotFound(id);
    return { ...DeliveryResponseDto.of(row), payload: row.payload };
  }

  async replay(id: string): Promise<DeliveryDetailDto> {
    const current = await this.deliveries.findById(id);
    if (!current) throw deliveryNotFound(id);
    await this.assertEnabled(current.subscription_id);
    const replayed = ENDED_STATES.includes(current.state) ? await this.deliveries.replay(id) : null;
    if (!replayed) {
      throw new DomainException(
        NotificationErrorCode.DeliveryNotEnded,
        `Delivery ${id} is ${current.state}: only SENT or DEAD deliveries are replayed; the others are still being tried.`,
        { state: current.state },
      );
    }
    this.signals.created(1);
    return { ...DeliveryResponseDto.of(replayed), payload: current.payload };
  }

  async replayWindow(subscriptionId: string, since: Date, until: Date): Promise<ReplayCountDto> {
    if (since.getTime() >= until.getTime()) {
      throw new DomainException(CoreErrorCode.ValidationFailed, 'since must be before until.', {
        errors: ['since must be before until'],
      });
    }
    await this.assertEnabled(subscriptionId);
    const replayed = await this.deliveries.replayWindow(subscriptionId, since, until);
    this.signals.created(replayed);
    return { replayed };
  }

  private async assertEnabled(subscriptionId: string): Promise<void> {
    const subscription = await this.subscriptions.findById(subscriptionId);
    if (!subscription) throw subscriptionNotFound(subscriptionId);
    if (subscription.status === 'DISABLED') {
      throw new DomainException(
        NotificationErrorCode.SubscriptionDisabled,
        `Subscription ${subscriptionId} is DISABLED: enable it before replaying its deliveries.`,
      );
    }
  }
}

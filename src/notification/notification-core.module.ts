import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SecurityModule } from '../security/security.module.js';
import { StateModule } from '../state/state.module.js';
import { DeliveriesController } from './deliveries/deliveries.controller.js';
import { DeliveriesRepository } from './deliveries/deliveries.repository.js';
import { DeliveriesService } from './deliveries/deliveries.service.js';
import { DeliverySignals } from './deliveries/delivery-signals.js';
import { ActiveSubscriptions } from './subscriptions/active-subscriptions.js';
import { FanoutRepository } from './subscriptions/fanout.repository.js';
import { NotificationFanout } from './subscriptions/notification-fanout.consumer.js';
import { SubscriptionTargets } from './subscriptions/subscription-rules.js';
import { SubscriptionsController } from './subscriptions/subscriptions.controller.js';
import { SubscriptionsRepository } from './subscriptions/subscriptions.repository.js';
import { SubscriptionsService } from './subscriptions/subscriptions.service.js';
import { SystemSubscriptions } from './subscriptions/system-subscriptions.js';

/**
 * The core of notifications: subscriptions (REST), the fan-out of events into deliveries, the
 * delivery log and replays. Sending them is the dispatcher's (another module of this layer).
 */
@Module({
  imports: [DiscoveryModule, StateModule, SecurityModule],
  controllers: [SubscriptionsController, DeliveriesController],
  providers: [
    SubscriptionsRepository,
    SubscriptionTargets,
    SubscriptionsService,
    ActiveSubscriptions,
    SystemSubscriptions,
    FanoutRepository,
    NotificationFanout,
    DeliveriesRepository,
    DeliveriesService,
    DeliverySignals,
  ],
  exports: [SubscriptionsRepository, SubscriptionTargets, ActiveSubscriptions, DeliverySignals],
})
export class NotificationCoreModule {}

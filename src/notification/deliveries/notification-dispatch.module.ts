import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SecurityModule } from '../../security/security.module.js';
import { StateModule } from '../../state/state.module.js';
import { ChannelAdapters } from './channel-adapters.service.js';
import { DeliveryClaimsRepository } from './delivery-claims.repository.js';
import { DeliveryDispatcher } from './delivery-dispatcher.service.js';
import { DeliveryOutcomesRepository } from './delivery-outcomes.repository.js';
import { DeliverySender } from './delivery-sender.service.js';
import { NotificationTelemetryModule } from './notification-telemetry.module.js';

/** The delivery dispatcher: claims, sends through the channel adapters, retries, dead letters. */
@Module({
  imports: [DiscoveryModule, StateModule, SecurityModule, NotificationTelemetryModule],
  providers: [
    ChannelAdapters,
    DeliveryClaimsRepository,
    DeliveryOutcomesRepository,
    DeliverySender,
    DeliveryDispatcher,
  ],
  exports: [ChannelAdapters, DeliveryDispatcher],
})
export class NotificationDispatchModule {}

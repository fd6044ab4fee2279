import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  type ChannelName,
  NOTIFICATION_CHANNEL,
  type NotificationChannelAdapter,
} from '../channels/notification-channel.js';

/** The channel adapters of this app, found at boot by their `@NotificationChannel(...)` mark. */
@Injectable()
export class ChannelAdapters implements OnModuleInit {
  private readonly logger = new Logger(ChannelAdapters.name);
  private readonly adapters = new Map<ChannelName, NotificationChannelAdapter>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const channel = wrapper.metatype
        ? (Reflect.getMetadata(NOTIFICATION_CHANNEL, wrapper.metatype) as ChannelName | undefined)
        : undefined;
      if (!channel || !wrapper.instance) continue;
      if (this.adapters.has(channel)) throw new Error(`two notification channel adapters for "${channel}"`);
      const adapter = wrapper.instance as NotificationChannelAdapter;
      if (typeof adapter.send !== 'function') throw new Error(`channel adapter "${channel}" has no send()`);
      this.adapters.set(channel, adapter);
    }
    this.logger.log(`notification channels: ${[...this.adapters.keys()].join(', ') || 'none'}`);
  }

  get(channel: ChannelName): NotificationChannelAdapter | undefined {
    return this.adapters.get(channel);
  }

  get channels(): ChannelName[] {
    return [...this.adapters.keys()];
  }
}

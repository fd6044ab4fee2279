import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { isEventPattern } from '../../core/events/event-catalogue.js';
import {
  type ChannelName,
  NOTIFICATION_CHANNEL,
  NOTIFICATION_CHANNELS,
  type NotificationChannelAdapter,
} from '../channels/notification-channel.js';
import { NotificationErrorCode } from '../notification.errors.js';
import { checkTarget } from './subscription-targets.js';

/** A Standard Webhooks signing secret: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Every pattern must name a catalogue event or family; the answer names those that do not. */
export function checkEventTypes(patterns: string[]): string[] {
  const unknown = patterns.filter((pattern) => !isEventPattern(pattern));
  if (unknown.length > 0) {
    throw new DomainException(
      NotificationErrorCode.UnknownEventType,
      `Unknown event type${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (see GET /api/v1/events/catalogue).`,
      { event_types: unknown },
    );
  }
  return [...new Set(patterns)];
}

/** Only email groups events into a digest. */
export function checkDigest(channel: ChannelName, digestSeconds: number | null | undefined): void {
  if (digestSeconds !== null && digestSeconds !== undefined && channel !== 'email') {
    throw new DomainException(
      NotificationErrorCode.SettingNotForChannel,
      `digest_seconds applies to email subscriptions only, not ${channel}.`,
    );
  }
}

/**
 * Checks a target for its channel: the strict checks here first, then the channel adapter's own
 * (`validateTarget`) when one is installed. Answers the target as it is stored.
 */
@Injectable()
export class SubscriptionTargets {
  private adapters?: Map<string, NotificationChannelAdapter>;
  private readonly allowPrivateNetworks: boolean;
  /** Hosts a webhook may target whatever they resolve to: the connect-time guard lets them through too. */
  private readonly allowedHosts: ReadonlySet<string>;

  constructor(
    private readonly discovery: DiscoveryService,
    config: AppConfig,
  ) {
    this.allowPrivateNetworks = config.get('NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS');
    this.allowedHosts = new Set(
      config
        .get('NOTIFY_WEBHOOK_ALLOWED_HOSTS')
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    );
  }

  private allowsPrivate(channel: string, target: unknown): boolean {
    if (this.allowPrivateNetworks) return true;
    if (channel !== 'webhook' || typeof target !== 'string' || !URL.canParse(target)) return false;
    return this.allowedHosts.has(new URL(target).hostname.replace(/^\[|\]$/g, '').toLowerCase());
  }

  async check(channel: string, target: unknown, where = 'target'): Promise<string> {
    if (!(NOTIFICATION_CHANNELS as readonly string[]).includes(channel)) {
      throw invalid(`${where}: channel must be one of ${NOTIFICATION_CHANNELS.join(', ')}`);
    }
    const checked = checkTarget(channel as ChannelName, target, this.allowsPrivate(channel, target));
    if (!checked.ok) throw invalid(`${where}: ${checked.reason}`);
    const reason = await this.adapter(channel)?.validateTarget(checked.target);
    if (reason) throw invalid(`${where}: ${reason}`);
    return checked.target;
  }

  private adapter(channel: string): NotificationChannelAdapter | undefined {
    if (!this.adapters) {
      this.adapters = new Map();
      for (const wrapper of this.discovery.getProviders()) {
        const name = wrapper.metatype ? Reflect.getMetadata(NOTIFICATION_CHANNEL, wrapper.metatype) : undefined;
        if (typeof name === 'string' && wrapper.instance)
          this.adapters.set(name, wrapper.instance as NotificationChannelAdapter);
      }
    }
    return this.adapters.get(channel);
  }
}

const invalid = (detail: string) => new DomainException(NotificationErrorCode.InvalidTarget, detail);

import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { EventType } from '../../core/events/event-catalogue.js';
import { adminAudience } from '../inbox/audience.js';
import { ActiveSubscriptions } from './active-subscriptions.js';
import { checkEmail } from './subscription-targets.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';

export const ADMINS_IN_APP = 'system:admins-in-app';
export const ADMINS_EMAIL = 'system:admins-email';

/**
 * The admins hear of every disabled subscription through ordinary subscriptions, created (or
 * brought in line with the configuration) at boot: in-app to NOTIFY_ADMIN_AUDIENCE always, and
 * email to NOTIFY_ADMIN_EMAIL when it is set (removed when it is not). They use the normal
 * machinery: deliveries, retries, the log, replay.
 */
@Injectable()
export class SystemSubscriptions implements OnApplicationBootstrap {
  private readonly logger = new Logger(SystemSubscriptions.name);

  constructor(
    private readonly repository: SubscriptionsRepository,
    private readonly active: ActiveSubscriptions,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.ensure();
    } catch (error) {
      this.logger.warn(`built-in admin subscriptions not updated: ${(error as Error).message}`);
    }
  }

  async ensure(): Promise<void> {
    const base = {
      event_types: [EventType.SubscriptionDisabled],
      filter: {},
      locale: 'en' as const,
      digest_seconds: null,
      retry_schedule: null,
      timeout_ms: null,
      secret_ciphertext: null,
      robot_id: null,
    };
    await this.repository.upsertSystem(ADMINS_IN_APP, {
      ...base,
      channel: 'in_app',
      target: adminAudience(this.config),
    });
    const email = this.config.get('NOTIFY_ADMIN_EMAIL');
    const checked = email ? checkEmail(email) : null;
    if (checked && !checked.ok) this.logger.warn(`NOTIFY_ADMIN_EMAIL: ${checked.reason}`);
    await this.repository.upsertSystem(
      ADMINS_EMAIL,
      checked?.ok ? { ...base, channel: 'email', target: checked.target } : null,
    );
    this.active.invalidate();
  }
}

import { Injectable } from '@nestjs/common';
import { SecretBox } from '../../security/secret-box.js';
import type {
  PreparedRobotNotify,
  RobotNotifications,
  RobotNotifyAnswer,
  RobotNotifyTarget,
  Transactional,
} from '../../sdk/index.js';
import type { ChannelName } from '../channels/notification-channel.js';
import { ActiveSubscriptions, ROBOT_SCOPED_EVENTS } from './active-subscriptions.js';
import { newWebhookSecret, SubscriptionTargets } from './subscription-rules.js';
import { type NewSubscription, SubscriptionsRepository } from './subscriptions.repository.js';

/**
 * `notify` at robot creation (ROBOT_NOTIFICATIONS): each target becomes a subscription scoped to
 * the robot, written in the robot's own transaction; a webhook gets a signing secret, returned in
 * the creation answer only, like any webhook subscription's.
 */
@Injectable()
export class RobotNotifyService implements RobotNotifications {
  constructor(
    private readonly targets: SubscriptionTargets,
    private readonly secrets: SecretBox,
    private readonly repository: SubscriptionsRepository,
    private readonly active: ActiveSubscriptions,
  ) {}

  async prepare(requested: readonly RobotNotifyTarget[]): Promise<PreparedRobotNotify> {
    const prepared: Array<{ subscription: Omit<NewSubscription, 'robot_id'>; secret: string | null }> = [];
    for (const [i, { channel, target }] of requested.entries()) {
      const checked = await this.targets.check(channel, target, `notify[${i}]`);
      const secret = channel === 'webhook' ? newWebhookSecret() : null;
      prepared.push({
        secret,
        subscription: {
          name: null,
          channel: channel as ChannelName,
          target: checked,
          event_types: [...ROBOT_SCOPED_EVENTS],
          filter: {},
          locale: 'en',
          digest_seconds: null,
          retry_schedule: null,
          timeout_ms: null,
          secret_ciphertext: secret && this.secrets.seal(secret),
          created_by: null,
        },
      });
    }
    return {
      count: prepared.length,
      write: async (tx: Transactional, robotId: string): Promise<RobotNotifyAnswer[]> => {
        const answers: RobotNotifyAnswer[] = [];
        for (const { subscription, secret } of prepared) {
          const row = await this.repository.insert({ ...subscription, robot_id: robotId }, tx);
          answers.push({ subscription_id: row.subscription_id, channel: row.channel, target: row.target, secret });
        }
        this.active.noteRobotScoped();
        return answers;
      },
    };
  }
}

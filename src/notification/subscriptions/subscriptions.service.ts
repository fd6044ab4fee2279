import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { paginate } from '../../core/http/keyset-pagination.js';
import { SecretBox } from '../../security/secret-box.js';
import { NotificationErrorCode, subscriptionNotFound } from '../notification.errors.js';
import { ActiveSubscriptions, ROBOT_SCOPED_EVENTS } from './active-subscriptions.js';
import type { CreateSubscriptionDto } from './dto/create-subscription.dto.js';
import type { ListSubscriptionsQueryDto } from './dto/list-subscriptions-query.dto.js';
import {
  type SubscriptionPageDto,
  SubscriptionResponseDto,
  type SubscriptionWithSecretDto,
} from './dto/subscription-response.dto.js';
import type { UpdateSubscriptionDto } from './dto/update-subscription.dto.js';
import { checkDigest, checkEventTypes, newWebhookSecret, SubscriptionTargets } from './subscription-rules.js';
import { type SubscriptionRow, SubscriptionsRepository } from './subscriptions.repository.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Subscriptions over REST: every change checked as a whole before anything is written. */
@Injectable()
export class SubscriptionsService {
  private readonly rotationOverlapHours: number;

  constructor(
    private readonly repository: SubscriptionsRepository,
    private readonly targets: SubscriptionTargets,
    private readonly secrets: SecretBox,
    private readonly active: ActiveSubscriptions,
    config: AppConfig,
  ) {
    this.rotationOverlapHours = config.get('NOTIFY_SECRET_ROTATION_OVERLAP_HOURS');
  }

  async create(dto: CreateSubscriptionDto, createdBy: string | null): Promise<SubscriptionWithSecretDto> {
    const eventTypes = checkEventTypes(dto.event_types);
    checkDigest(dto.channel, dto.digest_seconds);
    const target = await this.targets.check(dto.channel, dto.target);
    const secret = dto.channel === 'webhook' ? newWebhookSecret() : null;
    const row = await this.repository.insert({
      name: dto.name ?? null,
      channel: dto.channel,
      target,
      event_types: eventTypes,
      filter: { ...dto.filter },
      locale: dto.locale ?? 'en',
      digest_seconds: dto.digest_seconds ?? null,
      retry_schedule: dto.retry_schedule ?? null,
      timeout_ms: dto.timeout_ms ?? null,
      secret_ciphertext: secret && this.secrets.seal(secret),
      robot_id: null,
      created_by: createdBy,
    });
    this.active.invalidate();
    return { ...SubscriptionResponseDto.of(row), secret };
  }

  list(query: ListSubscriptionsQueryDto): Promise<SubscriptionPageDto> {
    return paginate(
      {
        fetch: (before, limit) =>
          this.repository.list({
            channel: query.channel,
            status: query.status,
            robot_id: query.robot_id,
            before,
            limit,
          }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.subscription_id }),
        toItem: (row) => SubscriptionResponseDto.of(row),
        idPattern: UUID_PATTERN,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  async get(id: string): Promise<SubscriptionResponseDto> {
    return SubscriptionResponseDto.of(await this.find(id));
  }

  async update(id: string, dto: UpdateSubscriptionDto): Promise<SubscriptionResponseDto> {
    const current = editable(await this.find(id));
    const eventTypes = dto.event_types && checkEventTypes(dto.event_types);
    if (eventTypes && current.robot_id) checkRobotScoped(eventTypes);
    checkDigest(current.channel, dto.digest_seconds);
    const target = dto.target === undefined ? undefined : await this.targets.check(current.channel, dto.target);
    const row = await this.repository.update(id, {
      name: dto.name,
      target,
      event_types: eventTypes,
      // null clears the filter; the locale has no "unset": null keeps it.
      filter: dto.filter === null ? {} : dto.filter && { ...dto.filter },
      locale: dto.locale ?? undefined,
      digest_seconds: dto.digest_seconds,
      retry_schedule: dto.retry_schedule,
      timeout_ms: dto.timeout_ms,
    });
    if (!row) throw subscriptionNotFound(id);
    this.active.invalidate();
    return SubscriptionResponseDto.of(row);
  }

  async delete(id: string): Promise<void> {
    editable(await this.find(id));
    if (!(await this.repository.delete(id))) throw subscriptionNotFound(id);
    this.active.invalidate();
  }

  /** A new secret, shown once; the previous one keeps signing for NOTIFY_SECRET_ROTATION_OVERLAP_HOURS. */
  async rotateSecret(id: string): Promise<SubscriptionWithSecretDto> {
    const current = editable(await this.find(id));
    if (current.channel !== 'webhook') {
      throw new DomainException(
        NotificationErrorCode.SubscriptionHasNoSecret,
        `Only webhook subscriptions have a signing secret; this one is ${current.channel}.`,
      );
    }
    const secret = newWebhookSecret();
    const row = await this.repository.rotateSecret(id, this.secrets.seal(secret), this.rotationOverlapHours);
    if (!row) throw subscriptionNotFound(id);
    return { ...SubscriptionResponseDto.of(row), secret };
  }

  /** ACTIVE again, with failing_since cleared; enabling an active one changes nothing. */
  async enable(id: string): Promise<SubscriptionResponseDto> {
    const row = await this.repository.enable(id);
    if (!row) throw subscriptionNotFound(id);
    this.active.invalidate();
    return SubscriptionResponseDto.of(row);
  }

  private async find(id: string): Promise<SubscriptionRow> {
    const row = await this.repository.findById(id);
    if (!row) throw subscriptionNotFound(id);
    return row;
  }
}

/** A robot's own subscription hears its final events only (the fan-out looks for no others). */
function checkRobotScoped(eventTypes: string[]): void {
  const others = eventTypes.filter((type) => !(ROBOT_SCOPED_EVENTS as readonly string[]).includes(type));
  if (others.length > 0) {
    throw new DomainException(
      NotificationErrorCode.SettingNotForChannel,
      `A robot's own subscription hears ${ROBOT_SCOPED_EVENTS.join(', ')} only, not ${others.join(', ')}.`,
    );
  }
}

function editable(row: SubscriptionRow): SubscriptionRow {
  if (row.created_by === 'system') {
    throw new DomainException(
      NotificationErrorCode.SubscriptionReadOnly,
      `${row.name} is built in: it follows NOTIFY_ADMIN_AUDIENCE and NOTIFY_ADMIN_EMAIL.`,
    );
  }
  return row;
}

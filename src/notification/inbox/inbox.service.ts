import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { paginate } from '../../core/http/keyset-pagination.js';
import type { Principal } from '../../security/principal.js';
import { InAppErrorCode } from '../in-app.errors.js';
import { adminAudience, assertMayRead, mayRead } from './audience.js';
import {
  InboxNotificationDto,
  type InboxPageDto,
  type MarkedReadDto,
  type UnreadCountDto,
} from './dto/inbox-notification.dto.js';
import { InboxRepository } from './inbox.repository.js';

/** inbox_notifications.notification_id is a BIGSERIAL. */
const NOTIFICATION_ID = /^\d{1,15}$/;

/** Reading an audience's inbox and marking it read. */
@Injectable()
export class InboxService {
  /** Whose inbox a call that names no audience reads. */
  readonly defaultAudience: string;

  constructor(
    private readonly inbox: InboxRepository,
    config: AppConfig,
  ) {
    this.defaultAudience = adminAudience(config);
  }

  async list(
    caller: Principal | undefined,
    query: { audience?: string; unread_only?: boolean; limit?: number; cursor?: string },
  ): Promise<InboxPageDto> {
    const audience = query.audience ?? this.defaultAudience;
    assertMayRead(caller, audience);
    const page = await paginate(
      {
        fetch: (before, limit) =>
          this.inbox.page({ audience, unreadOnly: query.unread_only ?? false, beforeId: before?.id, limit }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.notification_id }),
        toItem: (row) => InboxNotificationDto.of(row),
        idPattern: NOTIFICATION_ID,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
    return { ...page, audience, unread_count: await this.inbox.unreadCount(audience) };
  }

  async unreadCount(caller: Principal | undefined, audience = this.defaultAudience): Promise<UnreadCountDto> {
    assertMayRead(caller, audience);
    return { audience, unread_count: await this.inbox.unreadCount(audience) };
  }

  async markRead(caller: Principal | undefined, notificationId: number): Promise<InboxNotificationDto> {
    const found = await this.inbox.findOne(String(notificationId));
    // Another audience's notification is answered as missing: its existence is not the caller's to know.
    if (!found || !mayRead(caller, found.audience)) {
      throw new DomainException(
        InAppErrorCode.InboxNotificationNotFound,
        `No notification ${notificationId} in an inbox this key may read.`,
      );
    }
    const marked = await this.inbox.markRead(String(notificationId));
    return InboxNotificationDto.of(marked ?? found);
  }

  async markAllRead(
    caller: Principal | undefined,
    command: { audience: string; up_to_id?: number },
  ): Promise<MarkedReadDto> {
    assertMayRead(caller, command.audience);
    const marked = await this.inbox.markAllRead(command.audience, command.up_to_id?.toString());
    return { audience: command.audience, marked, unread_count: await this.inbox.unreadCount(command.audience) };
  }
}

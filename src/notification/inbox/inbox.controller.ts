import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { Auth } from '../../security/auth.decorator.js';
import { Caller } from '../../security/caller.decorator.js';
import type { Principal } from '../../security/principal.js';
import { Scope } from '../../security/scopes.js';
import { InboxNotificationDto, InboxPageDto, MarkedReadDto, UnreadCountDto } from './dto/inbox-notification.dto.js';
import { AudienceQueryDto, ListInboxQueryDto, MarkAllReadDto, NotificationIdParamDto } from './dto/inbox-query.dto.js';
import { InboxService } from './inbox.service.js';

const AUDIENCE_403 = 'A module-bound key asking for an audience other than module:<its module>';

/**
 * The in-app inbox. Marking read needs notifications:read, not write: it changes only the
 * inbox's own read state, and a dashboard viewer should not need the scope that manages
 * subscriptions (where notifications go). Read state is per audience, shared by its readers.
 */
@ApiTags('notifications')
@Auth(Scope.NotificationsRead)
@ApiCommonProblems()
@Controller('api/v1/notifications/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({
    summary: "An audience's in-app notifications, newest first, with its unread count",
    description: 'Paged by `limit` and `cursor`; `audience` defaults to `admins`.',
  })
  @ApiOkResponse({ type: InboxPageDto })
  @ApiProblem(400, 'A bad audience, unread_only, limit or cursor')
  @ApiProblem(403, AUDIENCE_403)
  list(@Query() query: ListInboxQueryDto, @Caller() caller?: Principal): Promise<InboxPageDto> {
    return this.inbox.list(caller, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: "An audience's unread in-app notifications" })
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiProblem(400, 'A bad audience')
  @ApiProblem(403, AUDIENCE_403)
  unreadCount(@Query() query: AudienceQueryDto, @Caller() caller?: Principal): Promise<UnreadCountDto> {
    return this.inbox.unreadCount(caller, query.audience);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark an audience's notifications read, all of them or up to an id" })
  @ApiOkResponse({ type: MarkedReadDto })
  @ApiBodyProblems()
  @ApiProblem(400, 'A bad audience or up_to_id')
  @ApiProblem(403, AUDIENCE_403)
  markAllRead(@Body() body: MarkAllReadDto, @Caller() caller?: Principal): Promise<MarkedReadDto> {
    return this.inbox.markAllRead(caller, body);
  }

  @Post(':notification_id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read (again is fine: it keeps its first read time)' })
  @ApiOkResponse({ type: InboxNotificationDto })
  @ApiProblem(400, 'An id that is not a positive integer')
  @ApiProblem(404, 'No such notification in an audience the key may read')
  markRead(@Param() params: NotificationIdParamDto, @Caller() caller?: Principal): Promise<InboxNotificationDto> {
    return this.inbox.markRead(caller, params.notification_id);
  }
}

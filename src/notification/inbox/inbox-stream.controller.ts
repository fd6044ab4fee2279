import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { Auth } from '../../security/auth.decorator.js';
import { Caller } from '../../security/caller.decorator.js';
import type { Principal } from '../../security/principal.js';
import { Scope } from '../../security/scopes.js';
import { InAppErrorCode } from '../in-app.errors.js';
import { assertMayRead } from './audience.js';
import { InboxService } from './inbox.service.js';
import { StreamQueryDto } from './dto/inbox-query.dto.js';
import { InboxStreams } from './inbox-streams.service.js';

export const EVENT_STREAM = 'text/event-stream';
const EXAMPLE_EVENT =
  'retry: 3000\n\nid: 1042\nevent: notification\ndata: {"notification_id":1042,"audience":"admins","title":"Robot LEGAL_1795310000000_42 failed",...}\n\n: ping\n\n';

/**
 * `GET /api/v1/notifications/stream`: the inbox live, as Server-Sent Events. The key travels in
 * X-API-Key (or Bearer) only, never in the URL, where request logs and proxies would keep it: a
 * browser's EventSource cannot send headers, so the dashboard reads the stream with fetch().
 */
@ApiTags('notifications')
@Auth(Scope.NotificationsRead)
@ApiCommonProblems()
@Controller('api/v1/notifications/stream')
export class InboxStreamController {
  constructor(
    private readonly streams: InboxStreams,
    private readonly inbox: InboxService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "An audience's in-app notifications, live (Server-Sent Events)",
    description:
      'Each notification is an event `notification` whose id is its notification_id. Reconnecting with ' +
      '`Last-Event-ID` (or `?last_event_id=`) first replays every notification after it, from the database, ' +
      'whichever instance answers, then continues live with nothing missed or repeated. A `: ping` comment ' +
      'every NOTIFY_SSE_HEARTBEAT_MS.',
  })
  @ApiProduces(EVENT_STREAM)
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last event received' })
  @ApiResponse({
    status: 200,
    description: 'The stream: it stays open until the client or the server closes it',
    content: { [EVENT_STREAM]: { schema: { type: 'string', example: EXAMPLE_EVENT } } },
  })
  @ApiProblem(400, 'A bad audience or Last-Event-ID')
  @ApiProblem(403, 'A module-bound key asking for an audience other than module:<its module>')
  @ApiProblem(429, 'The key holds NOTIFY_SSE_MAX_PER_KEY streams already, or its rate limit is exceeded')
  @ApiProblem(503, 'The instance holds NOTIFY_SSE_MAX_CONNECTIONS streams, or is shutting down')
  stream(
    @Query() query: StreamQueryDto,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Res() reply: FastifyReply,
    @Caller() caller?: Principal,
  ): void {
    const audience = query.audience ?? this.inbox.defaultAudience;
    assertMayRead(caller, audience);
    const lastEventId = lastEventIdHeader ? parseLastEventId(lastEventIdHeader) : (query.last_event_id ?? null);
    const slot = this.streams.reserve(caller?.keyId ?? null);
    // From here on the reply is ours: Nest and Fastify send nothing more on it.
    reply.hijack();
    this.streams.open(reply.raw, { audience, lastEventId, headers: reply.getHeaders() as OutgoingHttpHeaders }, slot);
  }
}

function parseLastEventId(value: string): number {
  const id = /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(id)) {
    throw new DomainException(
      InAppErrorCode.InvalidLastEventId,
      'Last-Event-ID must be the id of an event this stream sent (a non-negative integer).',
    );
  }
  return id;
}

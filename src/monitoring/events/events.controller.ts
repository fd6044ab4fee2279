import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { Auth } from '../../security/auth.decorator.js';
import { Scope } from '../../security/scopes.js';
import {
  ConsumerDto,
  ConsumerParamDto,
  EventTypeDto,
  ListParkedQueryDto,
  ParkedEventDto,
  ParkedEventParamDto,
  ReplayAnswerDto,
} from './dto/events.dto.js';
import { EventsAdminService } from './events-admin.service.js';

const DEFAULT_PARKED_LIMIT = 100;

@ApiTags('events')
@ApiCommonProblems()
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly events: EventsAdminService) {}

  @Get('catalogue')
  @Auth(Scope.MonitoringRead)
  @ApiOperation({ summary: 'Every event type: version, emitting layer, what it means' })
  @ApiOkResponse({ type: EventTypeDto, isArray: true })
  catalogue(): EventTypeDto[] {
    return EventTypeDto.all();
  }

  @Get('consumers')
  @Auth(Scope.MonitoringRead)
  @ApiOperation({ summary: 'Named event consumers: cursor, backlog, failures, parked events, owner' })
  @ApiOkResponse({ type: ConsumerDto, isArray: true })
  consumers(): Promise<ConsumerDto[]> {
    return this.events.consumers();
  }

  @Delete('consumers/:consumer')
  @Auth(Scope.Admin)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Forget a retired consumer (cursor and parked events), so it no longer holds back retention',
  })
  @ApiNoContentResponse({ description: 'Forgotten' })
  @ApiProblem(400, 'A consumer name that is not a plain name')
  @ApiProblem(404, 'No consumer by that name')
  @ApiProblem(409, 'An instance still runs it')
  async forget(@Param() params: ConsumerParamDto): Promise<void> {
    await this.events.forget(params.consumer);
  }

  @Post('consumers/:consumer/replay')
  @Auth(Scope.Admin)
  @HttpCode(202)
  @ApiOperation({ summary: 'Replay every event parked for a consumer, oldest first' })
  @ApiAcceptedResponse({ type: ReplayAnswerDto })
  @ApiProblem(400, 'A consumer name that is not a plain name')
  @ApiProblem(404, 'No consumer by that name')
  async replayAll(@Param() params: ConsumerParamDto): Promise<ReplayAnswerDto> {
    return { flagged: await this.events.replay(params.consumer) };
  }

  @Get('parked')
  @Auth(Scope.MonitoringRead)
  @ApiOperation({ summary: 'Parked events, newest first: events a consumer kept failing, with the error' })
  @ApiOkResponse({ type: ParkedEventDto, isArray: true })
  @ApiProblem(400, 'A bad consumer name or limit')
  parked(@Query() query: ListParkedQueryDto): Promise<ParkedEventDto[]> {
    return this.events.parked(query.consumer, query.limit ?? DEFAULT_PARKED_LIMIT);
  }

  @Post('parked/:consumer/:event_id/replay')
  @Auth(Scope.Admin)
  @HttpCode(202)
  @ApiOperation({ summary: 'Replay one parked event to its consumer (delivered within about a second)' })
  @ApiAcceptedResponse({ type: ReplayAnswerDto })
  @ApiProblem(400, 'A bad consumer name or event id')
  @ApiProblem(404, 'That event is not parked for that consumer')
  async replay(@Param() params: ParkedEventParamDto): Promise<ReplayAnswerDto> {
    return { flagged: await this.events.replay(params.consumer, params.event_id) };
  }
}

import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { Auth } from '../../security/auth.decorator.js';
import { Scope } from '../../security/scopes.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryDetailDto, DeliveryIdParamDto, DeliveryPageDto, ListDeliveriesQueryDto } from './dto/delivery.dto.js';

const NOT_FOUND = 'No delivery by that id';

@ApiTags('notifications')
@ApiCommonProblems()
@ApiProblem(400, 'Invalid input (problem+json with the failing fields)')
@Controller('api/v1/notifications/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @Auth(Scope.NotificationsRead)
  @ApiOperation({ summary: 'The delivery log, newest first: filter by state, subscription, channel, event type, time' })
  @ApiOkResponse({ type: DeliveryPageDto })
  list(@Query() query: ListDeliveriesQueryDto): Promise<DeliveryPageDto> {
    return this.deliveries.list(query);
  }

  @Get(':delivery_id')
  @Auth(Scope.NotificationsRead)
  @ApiOperation({ summary: 'One delivery: attempts, next attempt, last error, response status, latency, payload' })
  @ApiOkResponse({ type: DeliveryDetailDto })
  @ApiProblem(404, NOT_FOUND)
  get(@Param() params: DeliveryIdParamDto): Promise<DeliveryDetailDto> {
    return this.deliveries.get(params.delivery_id);
  }

  @Post(':delivery_id/replay')
  @Auth(Scope.NotificationsWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Send an ended (SENT or DEAD) delivery again: back to PENDING, due now, same id' })
  @ApiOkResponse({ type: DeliveryDetailDto })
  @ApiProblem(404, NOT_FOUND)
  @ApiProblem(409, 'The delivery is still being tried, or its subscription is DISABLED')
  replay(@Param() params: DeliveryIdParamDto): Promise<DeliveryDetailDto> {
    return this.deliveries.replay(params.delivery_id);
  }
}

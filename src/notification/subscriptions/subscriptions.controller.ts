import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../../core/errors/api-problem.decorator.js';
import { Auth } from '../../security/auth.decorator.js';
import { Caller } from '../../security/caller.decorator.js';
import type { Principal } from '../../security/principal.js';
import { Scope } from '../../security/scopes.js';
import { CreateSubscriptionDto } from './dto/create-subscription.dto.js';
import { ListSubscriptionsQueryDto, SubscriptionIdParamDto } from './dto/list-subscriptions-query.dto.js';
import {
  SubscriptionPageDto,
  SubscriptionResponseDto,
  SubscriptionWithSecretDto,
} from './dto/subscription-response.dto.js';
import { UpdateSubscriptionDto } from './dto/update-subscription.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { ReplayCountDto, ReplayWindowDto } from '../deliveries/dto/delivery.dto.js';

const NOT_FOUND = 'No subscription by that id';
const READ_ONLY = 'A built-in subscription (system:*): it follows the configuration';

@ApiTags('notifications')
@ApiCommonProblems()
@ApiProblem(400, 'Invalid input (problem+json with the failing fields)')
@Controller('api/v1/notifications/subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Post()
  @Auth(Scope.NotificationsWrite)
  @ApiOperation({ summary: 'Subscribe a target to events; a webhook’s signing secret is in this answer only' })
  @ApiCreatedResponse({ type: SubscriptionWithSecretDto })
  @ApiBodyProblems()
  create(@Body() dto: CreateSubscriptionDto, @Caller() caller?: Principal): Promise<SubscriptionWithSecretDto> {
    return this.subscriptions.create(dto, caller?.keyId ?? null);
  }

  @Get()
  @Auth(Scope.NotificationsRead)
  @ApiOperation({ summary: 'List subscriptions, newest first, with filters and cursor pagination' })
  @ApiOkResponse({ type: SubscriptionPageDto })
  list(@Query() query: ListSubscriptionsQueryDto): Promise<SubscriptionPageDto> {
    return this.subscriptions.list(query);
  }

  @Get(':subscription_id')
  @Auth(Scope.NotificationsRead)
  @ApiOperation({ summary: 'One subscription (never its secret)' })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  @ApiProblem(404, NOT_FOUND)
  get(@Param() params: SubscriptionIdParamDto): Promise<SubscriptionResponseDto> {
    return this.subscriptions.get(params.subscription_id);
  }

  @Patch(':subscription_id')
  @Auth(Scope.NotificationsWrite)
  @ApiOperation({ summary: 'Change event types, filter, target, locale, digest, retry schedule, timeout or name' })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  @ApiProblem(404, NOT_FOUND)
  @ApiProblem(409, READ_ONLY)
  @ApiBodyProblems()
  update(
    @Param() params: SubscriptionIdParamDto,
    @Body() dto: UpdateSubscriptionDto,
  ): Promise<SubscriptionResponseDto> {
    return this.subscriptions.update(params.subscription_id, dto);
  }

  @Delete(':subscription_id')
  @Auth(Scope.NotificationsWrite)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription and its delivery log' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, NOT_FOUND)
  @ApiProblem(409, READ_ONLY)
  async delete(@Param() params: SubscriptionIdParamDto): Promise<void> {
    await this.subscriptions.delete(params.subscription_id);
  }

  @Post(':subscription_id/rotate-secret')
  @Auth(Scope.NotificationsWrite)
  @HttpCode(200)
  @ApiOperation({
    summary: 'New webhook secret (shown once); the previous one also signs for NOTIFY_SECRET_ROTATION_OVERLAP_HOURS',
  })
  @ApiOkResponse({ type: SubscriptionWithSecretDto })
  @ApiProblem(404, NOT_FOUND)
  @ApiProblem(409, 'Not a webhook subscription, or a built-in one')
  rotateSecret(@Param() params: SubscriptionIdParamDto): Promise<SubscriptionWithSecretDto> {
    return this.subscriptions.rotateSecret(params.subscription_id);
  }

  @Post(':subscription_id/enable')
  @Auth(Scope.NotificationsWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-enable a DISABLED subscription (its failure record starts afresh)' })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  @ApiProblem(404, NOT_FOUND)
  enable(@Param() params: SubscriptionIdParamDto): Promise<SubscriptionResponseDto> {
    return this.subscriptions.enable(params.subscription_id);
  }

  @Post(':subscription_id/replay')
  @Auth(Scope.NotificationsWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Send again every ended delivery of this subscription created in [since, until)' })
  @ApiOkResponse({ type: ReplayCountDto })
  @ApiProblem(404, NOT_FOUND)
  @ApiProblem(409, 'The subscription is DISABLED: enable it first')
  @ApiBodyProblems()
  replay(@Param() params: SubscriptionIdParamDto, @Body() dto: ReplayWindowDto): Promise<ReplayCountDto> {
    return this.deliveries.replayWindow(params.subscription_id, new Date(dto.since), new Date(dto.until));
  }
}

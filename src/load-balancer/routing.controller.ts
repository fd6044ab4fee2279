import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RoutingDecisionDto, SelectModuleQueryDto } from './dto/routing-decision.dto.js';
import { LoadBalancerService } from './load-balancer.service.js';
import { Auth } from '../security/auth.decorator.js';
import { Scope } from '../security/scopes.js';

@ApiTags('routing')
@Auth(Scope.ModulesRead)
@Controller('api/v1/routing')
export class RoutingController {
  constructor(private readonly loadBalancer: LoadBalancerService) {}

  @Get('select')
  @ApiOperation({ summary: 'Dry run: which module would take a robot of this type now, and why' })
  @ApiOkResponse({ type: RoutingDecisionDto })
  @ApiBadRequestResponse({ description: 'robot_type missing or malformed' })
  select(@Query() query: SelectModuleQueryDto): Promise<RoutingDecisionDto> {
    return this.loadBalancer.select(query.robot_type);
  }
}

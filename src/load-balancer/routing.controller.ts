import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonProblems, ApiProblem } from '../core/errors/api-problem.decorator.js';
import { RoutingDecisionDto, SelectModuleQueryDto } from './dto/routing-decision.dto.js';
import { LoadBalancerService } from './load-balancer.service.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { Auth } from '../security/auth.decorator.js';
import { boundModule, Caller } from '../security/caller.decorator.js';
import type { Principal } from '../security/principal.js';
import { Scope } from '../security/scopes.js';
import { SecurityErrorCode } from '../security/security.errors.js';

@ApiTags('routing')
@Auth(Scope.ModulesRead)
@ApiCommonProblems()
@Controller('api/v1/routing')
export class RoutingController {
  constructor(private readonly loadBalancer: LoadBalancerService) {}

  @Get('select')
  @ApiOperation({ summary: 'Dry run: which module would take a robot of this type now, and why' })
  @ApiOkResponse({ type: RoutingDecisionDto })
  @ApiProblem(400, 'robot_type missing or malformed')
  @ApiProblem(403, 'The key lacks modules:read, or is bound to a module: a dry run shows every module')
  select(@Query() query: SelectModuleQueryDto, @Caller() caller?: Principal): Promise<RoutingDecisionDto> {
    // A dry run shows every candidate module's scores and health: not for a key confined to one module.
    if (boundModule(caller) !== null) {
      throw new DomainException(SecurityErrorCode.AuthWrongModule, 'A module-bound API key cannot see other modules.');
    }
    return this.loadBalancer.select(query.robot_type);
  }
}

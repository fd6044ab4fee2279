import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../core/errors/api-problem.decorator.js';
import { ModuleNameParamDto } from '../registry/dto/module-name-param.dto.js';
import {
  ClaimedRobotDto,
  ClaimRobotsDto,
  CompleteDto,
  ExecutionResponseDto,
  FailDto,
  ProgressDto,
} from './dto/execution.dto.js';
import { CompleteBatchDto, CompleteBatchResponseDto } from './dto/complete-batch.dto.js';
import { ExecuteIdParamDto } from './dto/robot-id-param.dto.js';
import { RobotResponseDto } from './dto/robot-response.dto.js';
import { ExecutionsService } from './executions.service.js';
import { Auth } from '../security/auth.decorator.js';
import { assertActsFor, boundModule, Caller } from '../security/caller.decorator.js';
import type { Principal } from '../security/principal.js';
import { RateBucket, RateLimit } from '../security/rate-limit.decorator.js';
import { Scope } from '../security/scopes.js';

const LEASE_LOST =
  'LEASE_LOST: the lease expired and was reclaimed, the robot was cancelled, or a module-bound key does not own it';

/** The remote worker protocol: claim under a lease, then progress, complete or fail with its token. */
@ApiTags('workers')
@Auth(Scope.Work)
@RateLimit(RateBucket.Work)
@ApiCommonProblems()
@ApiProblem(400, 'Invalid input (problem+json with the failing fields)')
@ApiBodyProblems()
@Controller('api/v1')
export class WorkController {
  constructor(private readonly executions: ExecutionsService) {}

  @Post('modules/:module_name/claims')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Claim robots for this module (priority, then age), each under a lease; optional long poll',
  })
  @ApiOkResponse({ type: ClaimedRobotDto, isArray: true })
  @ApiProblem(403, 'The key lacks work, or is bound to another module')
  @ApiProblem(404, 'No module by that name')
  @ApiProblem(409, 'MODULE_INACTIVE: the module is deactivated')
  claim(
    @Param() params: ModuleNameParamDto,
    @Body() dto: ClaimRobotsDto,
    @Caller() caller?: Principal,
  ): Promise<ClaimedRobotDto[]> {
    assertActsFor(caller, params.module_name);
    return this.executions.claim(params.module_name, dto);
  }

  @Post('executions/:execute_id/progress')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report step, progress and resource usage; extends the lease' })
  @ApiOkResponse({ type: ExecutionResponseDto })
  @ApiProblem(409, LEASE_LOST)
  progress(
    @Param() params: ExecuteIdParamDto,
    @Body() dto: ProgressDto,
    @Caller() caller?: Principal,
  ): Promise<ExecutionResponseDto> {
    return this.executions.progress(params.execute_id, dto, boundModule(caller));
  }

  @Post('executions/:execute_id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Finish the attempt with its output: the robot is COMPLETED' })
  @ApiOkResponse({ type: RobotResponseDto })
  @ApiProblem(409, LEASE_LOST)
  complete(
    @Param() params: ExecuteIdParamDto,
    @Body() dto: CompleteDto,
    @Caller() caller?: Principal,
  ): Promise<RobotResponseDto> {
    return this.executions.complete(params.execute_id, dto, boundModule(caller));
  }

  @Post('executions/complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Finish up to 100 attempts in one call, each with its own lease token and its own outcome in the answer',
    description:
      'For workers that finish many small robots: one round trip and shared database statements instead of one ' +
      'call each. Each result is judged on its own, as the single call would judge it: a lost lease refuses that ' +
      'result (status lease_lost), not the others. Invalid input (more than 100, an execute_id twice, a bad field) ' +
      'refuses the whole call with 400 and writes nothing. Counts as one call against the rate limit.',
  })
  @ApiOkResponse({ type: CompleteBatchResponseDto })
  completeBatch(@Body() dto: CompleteBatchDto, @Caller() caller?: Principal): Promise<CompleteBatchResponseDto> {
    return this.executions.completeBatch(dto, boundModule(caller));
  }

  @Post('executions/:execute_id/fail')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fail the attempt: retried with backoff when the category allows and retries remain' })
  @ApiOkResponse({ type: RobotResponseDto })
  @ApiProblem(409, LEASE_LOST)
  fail(
    @Param() params: ExecuteIdParamDto,
    @Body() dto: FailDto,
    @Caller() caller?: Principal,
  ): Promise<RobotResponseDto> {
    return this.executions.fail(params.execute_id, dto, boundModule(caller));
  }
}

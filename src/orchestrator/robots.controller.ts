import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../core/errors/api-problem.decorator.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { BulkCreateRobotsDto, BulkCreateRobotsResponseDto } from './dto/bulk-create-robots.dto.js';
import { CreateRobotDto } from './dto/create-robot.dto.js';
import { CancelRobotDto, ExecutionResponseDto } from './dto/execution.dto.js';
import { ListRobotsQueryDto } from './dto/list-robots-query.dto.js';
import { RobotIdParamDto } from './dto/robot-id-param.dto.js';
import { RobotPageDto, RobotResponseDto } from './dto/robot-response.dto.js';
import { RobotsService } from './robots.service.js';
import { robotNotFound } from './orchestrator.errors.js';
import { Auth } from '../security/auth.decorator.js';
import { assertActsFor, boundModule, Caller } from '../security/caller.decorator.js';
import type { Principal } from '../security/principal.js';
import { RateBucket, RateLimit } from '../security/rate-limit.decorator.js';
import { Scope } from '../security/scopes.js';

const NOT_FOUND = 'No such robot (or one of another module, for a module-bound key)';
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,255}$/;

function checkIdempotencyKey(idempotencyKey: string | undefined): void {
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new DomainException(
      'INVALID_IDEMPOTENCY_KEY',
      400,
      'Idempotency-Key must be 8-255 letters, digits, . _ : or -.',
    );
  }
}

@ApiTags('robots')
@ApiCommonProblems()
@ApiProblem(400, 'Invalid input (problem+json with the failing fields)')
@Controller('api/v1/robots')
export class RobotsController {
  constructor(private readonly robots: RobotsService) {}

  @Post()
  @Auth(Scope.RobotsWrite)
  @ApiOperation({ summary: 'Submit a robot: routed to the best module now, or queued until one can take it' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '8-255 chars; a repeat returns the original robot (200)',
  })
  @ApiCreatedResponse({ type: RobotResponseDto })
  @ApiOkResponse({ type: RobotResponseDto, description: 'Replay of an earlier request with the same Idempotency-Key' })
  @ApiProblem(422, 'No eligible module (reject policy), or the key was used for other work')
  @ApiBodyProblems()
  async create(
    @Body() dto: CreateRobotDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RobotResponseDto> {
    checkIdempotencyKey(idempotencyKey);
    const { robot, created } = await this.robots.create(dto, idempotencyKey);
    void reply.status(created ? 201 : 200);
    return robot;
  }

  @Post('bulk')
  @Auth(Scope.RobotsWrite)
  @RateLimit(RateBucket.Bulk)
  @ApiOperation({ summary: 'Submit up to 1,000 robots in one transaction: all are created, or none' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '8-255 chars; a repeat returns the robots the first call created (200, created: 0)',
  })
  @ApiCreatedResponse({ type: BulkCreateRobotsResponseDto })
  @ApiOkResponse({ type: BulkCreateRobotsResponseDto, description: 'Replay of an earlier call with the same key' })
  @ApiProblem(422, 'No eligible module for one of the robot types (reject policy), or the key was used for other work')
  @ApiBodyProblems()
  async createMany(
    @Body() dto: BulkCreateRobotsDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BulkCreateRobotsResponseDto> {
    checkIdempotencyKey(idempotencyKey);
    const { robots, created } = await this.robots.createMany(dto.robots, idempotencyKey);
    void reply.status(created ? 201 : 200);
    return { created: created ? robots.length : 0, robots };
  }

  @Get()
  @Auth(Scope.RobotsRead)
  @ApiOperation({
    summary: "List robots, newest first, with filters and cursor pagination (a module-bound key: its module's)",
  })
  @ApiOkResponse({ type: RobotPageDto })
  @ApiProblem(403, "A module-bound key asked for another module's robots")
  list(@Query() query: ListRobotsQueryDto, @Caller() caller?: Principal) {
    if (query.module_name) assertActsFor(caller, query.module_name);
    return this.robots.list({ ...query, module_name: boundModule(caller) ?? query.module_name });
  }

  @Get(':robot_id')
  @Auth(Scope.RobotsRead)
  @ApiOperation({ summary: 'One robot (served from cache, 60 s, refreshed on every change)' })
  @ApiOkResponse({ type: RobotResponseDto })
  @ApiProblem(404, NOT_FOUND)
  get(@Param() params: RobotIdParamDto, @Caller() caller?: Principal): Promise<RobotResponseDto> {
    return this.owned(params.robot_id, caller);
  }

  @Get(':robot_id/executions')
  @Auth(Scope.RobotsRead)
  @ApiOperation({ summary: 'Execution history: one row per attempt, with steps, progress and resources' })
  @ApiOkResponse({ type: ExecutionResponseDto, isArray: true })
  @ApiProblem(404, NOT_FOUND)
  async history(@Param() params: RobotIdParamDto, @Caller() caller?: Principal): Promise<ExecutionResponseDto[]> {
    await this.owned(params.robot_id, caller);
    return this.robots.history(params.robot_id);
  }

  @Post(':robot_id/cancel')
  @Auth(Scope.RobotsWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a PENDING, RETRYING or PROCESSING robot; its lease stops being valid' })
  @ApiOkResponse({ type: RobotResponseDto })
  @ApiProblem(404, NOT_FOUND)
  @ApiProblem(409, 'The robot already finished')
  @ApiBodyProblems()
  async cancel(
    @Param() params: RobotIdParamDto,
    @Body() dto: CancelRobotDto,
    @Caller() caller?: Principal,
  ): Promise<RobotResponseDto> {
    await this.owned(params.robot_id, caller);
    return this.robots.cancel(params.robot_id, dto.reason);
  }

  @Post(':robot_id/retry')
  @Auth(Scope.RobotsWrite)
  @HttpCode(200)
  @ApiOperation({ summary: 'Requeue a FAILED or CANCELLED robot with a fresh attempt' })
  @ApiOkResponse({ type: RobotResponseDto })
  @ApiProblem(404, NOT_FOUND)
  @ApiProblem(409, 'The robot is not FAILED or CANCELLED')
  async retry(@Param() params: RobotIdParamDto, @Caller() caller?: Principal): Promise<RobotResponseDto> {
    await this.owned(params.robot_id, caller);
    return this.robots.retry(params.robot_id);
  }

  /** The robot, unless a module-bound key asks for another module's: then it does not exist for it. */
  private async owned(robotId: string, caller?: Principal): Promise<RobotResponseDto> {
    const robot = await this.robots.get(robotId);
    const bound = boundModule(caller);
    if (bound !== null && robot.module_name !== bound) throw robotNotFound(robotId);
    return robot;
  }
}

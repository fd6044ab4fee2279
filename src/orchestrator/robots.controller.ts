import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../core/errors/api-problem.decorator.js';
import { BulkCreateRobotsDto, BulkCreateRobotsResponseDto } from './dto/bulk-create-robots.dto.js';
import { CreateRobotDto } from './dto/create-robot.dto.js';
import { CancelRobotDto, ExecutionResponseDto } from './dto/execution.dto.js';
import { ListRobotsQueryDto } from './dto/list-robots-query.dto.js';
import { RobotIdParamDto } from './dto/robot-id-param.dto.js';
import { RobotPageDto, RobotResponseDto } from './dto/robot-response.dto.js';
import { CreatedRobotResponseDto, RobotWarningDto, WARNING_HEADER } from './dto/robot-warning.dto.js';
import { RobotIntakeService } from './robot-intake.service.js';
import { RobotsService } from './robots.service.js';
import { robotNotFound } from './orchestrator.errors.js';
import { Auth } from '../security/auth.decorator.js';
import { assertActsFor, boundModule, Caller } from '../security/caller.decorator.js';
import type { Principal } from '../security/principal.js';
import { RateBucket, RateLimit } from '../security/rate-limit.decorator.js';
import { Scope } from '../security/scopes.js';
import { CreateRobotCommand } from '../sdk/index.js';

const NOT_FOUND = 'No such robot (or one of another module, for a module-bound key)';

/** Sets the warnings header when there is something to warn about. */
function warn(reply: FastifyReply, warnings: RobotWarningDto[]): void {
  if (warnings.length > 0) void reply.header(WARNING_HEADER, RobotWarningDto.header(warnings));
}

@ApiTags('robots')
@ApiCommonProblems()
@ApiProblem(400, 'Invalid input (problem+json with the failing fields)')
@Controller('api/v1/robots')
export class RobotsController {
  constructor(
    private readonly robots: RobotsService,
    private readonly intake: RobotIntakeService,
  ) {}

  @Post()
  @Auth(Scope.RobotsWrite)
  @ApiOperation({ summary: 'Submit a robot: routed to the best module now, or queued until one can take it' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '8-255 chars; a repeat returns the original robot (200)',
  })
  @ApiCreatedResponse({
    type: CreatedRobotResponseDto,
    description: `Queued or routed; an unknown robot_type is queued with a warning (also in the ${WARNING_HEADER} header)`,
  })
  @ApiOkResponse({ type: RobotResponseDto, description: 'Replay of an earlier request with the same Idempotency-Key' })
  @ApiProblem(422, 'No eligible module (reject policy), or the key was used for other work')
  @ApiBodyProblems()
  async create(
    @Body() dto: CreateRobotDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedRobotResponseDto> {
    const { robot, created, warnings, notify } = await this.intake.create(
      CreateRobotCommand.create(dto),
      idempotencyKey,
    );
    void reply.status(created ? 201 : 200);
    warn(reply, warnings);
    return { ...robot, ...(warnings.length > 0 && { warnings }), ...(notify && { notify }) };
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
    const { robots, created, warnings } = await this.intake.createMany(
      dto.robots.map((robot) => CreateRobotCommand.create(robot)),
      idempotencyKey,
    );
    void reply.status(created ? 201 : 200);
    warn(reply, warnings);
    return { created: created ? robots.length : 0, robots, ...(warnings.length > 0 && { warnings }) };
  }

  @Get()
  @Auth(Scope.RobotsRead)
  @ApiOperation({
    summary: "List robots, newest first, with filters and cursor pagination (a module-bound key: its module's)",
  })
  @ApiOkResponse({ type: RobotPageDto })
  @ApiProblem(403, "A module-bound key asked for another module's robots")
  list(@Query() query: ListRobotsQueryDto, @Caller() caller?: Principal): Promise<RobotPageDto> {
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

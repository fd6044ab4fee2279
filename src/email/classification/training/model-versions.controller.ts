import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonProblems, ApiProblem } from '../../../core/errors/api-problem.decorator.js';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import { Auth } from '../../../security/auth.decorator.js';
import { Caller } from '../../../security/caller.decorator.js';
import type { Principal } from '../../../security/principal.js';
import { RateBucket, RateLimit } from '../../../security/rate-limit.decorator.js';
import { Scope } from '../../../security/scopes.js';
import { ModelVersionDto, ModelVersionPageDto, ModelVersionParamDto } from '../dto/model.dto.js';
import { ModelTrainingService } from './model-training.service.js';
import { ModelVersionsService } from './model-versions.service.js';

@ApiTags('email')
@ApiCommonProblems()
@Controller('api/v1/email/training/models')
export class ModelVersionsController {
  constructor(
    private readonly training: ModelTrainingService,
    private readonly versions: ModelVersionsService,
  ) {}

  @Post()
  @Auth(Scope.EmailWrite)
  @RateLimit(RateBucket.Bulk)
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Train a new model version on every example, in the background: TRAINING now, then READY with 5-fold cross-validated metrics, or FAILED',
  })
  @ApiAcceptedResponse({ type: ModelVersionDto })
  @ApiProblem(409, 'A version is training already')
  @ApiProblem(422, 'Fewer than 10 examples, or fewer than two labels')
  async train(@Caller() caller: Principal | undefined): Promise<ModelVersionDto> {
    return ModelVersionDto.of(await this.training.start(caller?.prefix ?? null));
  }

  @Get()
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: 'Model versions, newest first, with their metrics' })
  @ApiOkResponse({ type: ModelVersionPageDto })
  @ApiProblem(400, 'A bad limit or cursor')
  list(@Query() query: PageQueryDto): Promise<ModelVersionPageDto> {
    return this.versions.list(query);
  }

  @Get(':version')
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: 'One model version: status, metrics, error' })
  @ApiOkResponse({ type: ModelVersionDto })
  @ApiProblem(400, 'A version that is not a positive integer')
  @ApiProblem(404, 'No such version')
  get(@Param() params: ModelVersionParamDto): Promise<ModelVersionDto> {
    return this.versions.get(params.version);
  }

  @Post(':version/activate')
  @Auth(Scope.EmailWrite)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Classify with this version from now on (also an older one: a rollback); the active one is RETIRED',
  })
  @ApiOkResponse({ type: ModelVersionDto })
  @ApiProblem(400, 'A version that is not a positive integer')
  @ApiProblem(404, 'No such version')
  @ApiProblem(409, 'The version is TRAINING, FAILED or active already')
  activate(@Param() params: ModelVersionParamDto): Promise<ModelVersionDto> {
    return this.versions.activate(params.version);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../../../core/errors/api-problem.decorator.js';
import { Auth } from '../../../security/auth.decorator.js';
import { Caller } from '../../../security/caller.decorator.js';
import type { Principal } from '../../../security/principal.js';
import { RateBucket, RateLimit } from '../../../security/rate-limit.decorator.js';
import { Scope } from '../../../security/scopes.js';
import {
  AddedExampleDto,
  AddExampleDto,
  BulkAddedExamplesDto,
  BulkAddExamplesDto,
  ExamplePageDto,
  ExampleParamDto,
  ListExamplesQueryDto,
} from '../dto/example.dto.js';
import { TrainingExamplesService } from './training-examples.service.js';

@ApiTags('email')
@ApiCommonProblems()
@Controller('api/v1/email/training/examples')
export class TrainingExamplesController {
  constructor(private readonly examples: TrainingExamplesService) {}

  @Post()
  @Auth(Scope.EmailWrite)
  @ApiBodyProblems()
  @ApiOperation({
    summary: 'Add a labelled email (raw RFC 822, or subject/from/text); the same content again is relabelled',
  })
  @ApiCreatedResponse({ type: AddedExampleDto })
  @ApiProblem(400, 'A bad label, or not exactly one of raw and text')
  @ApiProblem(422, 'raw is not an email')
  add(@Body() body: AddExampleDto, @Caller() caller: Principal | undefined): Promise<AddedExampleDto> {
    return this.examples.addOne(body, caller?.prefix ?? null);
  }

  @Post('bulk')
  @Auth(Scope.EmailWrite)
  @RateLimit(RateBucket.Bulk)
  @HttpCode(200)
  @ApiBodyProblems()
  @ApiOperation({ summary: 'Add up to 1,000 labelled emails in one transaction: all or none' })
  @ApiOkResponse({ type: BulkAddedExamplesDto })
  @ApiProblem(400, 'More than 1,000 examples, or one that is not valid (named by its index)')
  @ApiProblem(422, 'One raw is not an email (named by its index)')
  addMany(@Body() body: BulkAddExamplesDto, @Caller() caller: Principal | undefined): Promise<BulkAddedExamplesDto> {
    return this.examples.addMany(body.examples, caller?.prefix ?? null);
  }

  @Get()
  @Auth(Scope.EmailRead)
  @ApiOperation({ summary: 'Training examples, newest first, with the count of each label' })
  @ApiOkResponse({ type: ExamplePageDto })
  @ApiProblem(400, 'A bad label, limit or cursor')
  list(@Query() query: ListExamplesQueryDto): Promise<ExamplePageDto> {
    return this.examples.list(query);
  }

  @Delete(':id')
  @Auth(Scope.EmailWrite)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a training example (models trained on it keep what they learned)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(400, 'An id that is not a UUID')
  @ApiProblem(404, 'No such example')
  async delete(@Param() params: ExampleParamDto): Promise<void> {
    await this.examples.delete(params.id);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBodyProblems, ApiCommonProblems, ApiProblem } from '../core/errors/api-problem.decorator.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { Auth } from '../security/auth.decorator.js';
import { Caller } from '../security/caller.decorator.js';
import type { Principal } from '../security/principal.js';
import { Scope } from '../security/scopes.js';
import { ReviewDto, ReviewPageDto } from './dto/review.dto.js';
import { AnswerReviewDto, ListReviewsQueryDto, ReviewParamDto } from './dto/review-request.dto.js';
import { ReviewQueue } from './review-queue.service.js';
import { ReviewErrorCode } from './review.errors.js';

@ApiTags('reviews')
@ApiCommonProblems()
@Controller('api/v1/reviews')
export class ReviewsController {
  constructor(private readonly queue: ReviewQueue) {}

  @Get()
  @Auth(Scope.ReviewsRead)
  @ApiOperation({ summary: 'The review queue, newest first: doubtful values with why, where, and their document' })
  @ApiOkResponse({ type: ReviewPageDto })
  @ApiProblem(400, 'A bad kind, status, limit or cursor')
  list(@Query() query: ListReviewsQueryDto): Promise<ReviewPageDto> {
    return this.queue.list(query);
  }

  @Get(':id')
  @Auth(Scope.ReviewsRead)
  @ApiOperation({ summary: 'One review item' })
  @ApiOkResponse({ type: ReviewDto })
  @ApiProblem(400, 'An id that is not a UUID')
  @ApiProblem(404, 'No such review')
  get(@Param() params: ReviewParamDto): Promise<ReviewDto> {
    return this.queue.get(params.id);
  }

  @Post(':id')
  @Auth(Scope.ReviewsWrite)
  @HttpCode(200)
  @ApiBodyProblems()
  @ApiOperation({
    summary:
      'Resolve a review with corrected values, or dismiss it; its document is updated and review.resolved written',
  })
  @ApiOkResponse({ type: ReviewDto })
  @ApiProblem(400, 'Neither fields nor dismiss, both, an unknown field, or a value that is not one of its field')
  @ApiProblem(404, 'No such review')
  @ApiProblem(409, 'The review was answered already')
  answer(
    @Param() params: ReviewParamDto,
    @Body() body: AnswerReviewDto,
    @Caller() caller: Principal | undefined,
  ): Promise<ReviewDto> {
    if ((body.fields === undefined) === (body.dismiss === undefined)) {
      throw new DomainException(
        ReviewErrorCode.ReviewAnswerInvalid,
        'Send either fields (corrected values) or dismiss: true.',
      );
    }
    const input = body.dismiss ? { dismiss: true as const } : { fields: body.fields ?? {} };
    return this.queue.answer(params.id, input, caller?.prefix ?? null);
  }
}

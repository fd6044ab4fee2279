import { describe, expect, it } from '@jest/globals';
import { BadRequestException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { DomainException } from './domain.exception.js';
import { CoreErrorCode } from './error-catalogue.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

describe('ProblemDetailsFilter.toProblem', () => {
  const filter = new ProblemDetailsFilter();

  it('keeps an HttpException status and message', () => {
    expect(filter.toProblem(new NotFoundException('Robot LEG_1_1 not found'))).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Robot LEG_1_1 not found',
      code: 'NOT_FOUND',
    });
  });

  it('lists validation messages', () => {
    const problem = filter.toProblem(new BadRequestException(['a must be a string', 'b should not exist']));
    expect(problem).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: ['a must be a string', 'b should not exist'],
    });
  });

  it('answers a domain code with its status from the catalogue, and its extensions', () => {
    const problem = filter.toProblem(
      new DomainException(CoreErrorCode.InvalidCursor, 'cursor is not one this API returned.', { cursor: 'x' }),
    );
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request', code: 'INVALID_CURSOR', cursor: 'x' });
  });

  it('never lets an extension override a standard member', () => {
    const problem = filter.toProblem(
      new DomainException(CoreErrorCode.Conflict, 'conflict', { status: 'CANCELLED', title: 'mine' }),
    );
    expect(problem).toMatchObject({ status: 409, title: 'Conflict', code: 'CONFLICT' });
  });

  it('passes a failed health report through as checks', () => {
    const report = {
      status: 'error',
      info: {},
      error: {},
      details: { cache: { status: 'down', message: 'memory cache unreachable' } },
    };
    expect(filter.toProblem(new ServiceUnavailableException(report))).toMatchObject({
      status: 503,
      checks: { cache: { status: 'down' } },
    });
  });

  it('maps Fastify client errors by code and hides their wording', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(filter.toProblem(tooLarge)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const other = Object.assign(new Error('internal detail /srv/app'), { statusCode: 400, code: 'FST_SOMETHING' });
    expect(filter.toProblem(other).detail).not.toContain('/srv/app');
  });

  it('answers 503 with a retry hint when the database is unreachable, naming no host', () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' });
    const problem = filter.toProblem(down);
    expect(problem).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: 5 });
    expect(JSON.stringify(problem)).not.toContain('10.0.0.7');
  });

  it('turns anything else into a bare 500', () => {
    const problem = filter.toProblem(new TypeError("Cannot read properties of undefined (reading 'password')"));
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(problem)).not.toContain('password');
  });
});

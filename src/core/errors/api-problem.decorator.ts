import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { ProblemDetailsDto } from './problem-details.dto.js';

/** An error answer in the OpenAPI document as `ProblemDetailsFilter` sends it: problem+json. */
export function ApiProblem(status: number, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ApiResponse({
      status,
      description,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
    }),
  );
}

/** What any route may answer: every request is bounded by REQUEST_TIMEOUT_MS and needs its backing services. */
export const ApiCommonProblems = (): ClassDecorator =>
  ApiProblem(503, 'A backing service is unavailable or the request took too long; see Retry-After');

/** A route that reads a JSON body: Fastify refuses an oversized or non-JSON one before any handler runs. */
export const ApiBodyProblems = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiProblem(413, 'The body is larger than BODY_LIMIT_BYTES'),
    ApiProblem(415, 'The body is not application/json'),
  );

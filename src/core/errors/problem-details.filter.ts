import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { JSON_TOO_DEEP, MAX_JSON_DEPTH } from '../http/json-depth.js';
import { DomainException } from './domain.exception.js';
import { CoreErrorCode, statusOf } from './error-catalogue.js';
import { isInfrastructureError, noteInfrastructureFailure } from './infrastructure-error.js';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details.js';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
}

// Fastify's own errors (body parsing, limits) carry a status and a message written for clients.
const FASTIFY_CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is larger than the allowed limit.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type; send application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Body is empty but Content-Type is application/json.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Body is not valid JSON.',
  [JSON_TOO_DEEP]: `JSON is nested deeper than ${MAX_JSON_DEPTH} levels.`,
};

/** Terminus answers a failed check with its report as the exception's response. */
function isHealthReport(response: unknown): response is { status: string; details: Record<string, unknown> } {
  return (
    typeof response === 'object' &&
    response !== null &&
    'details' in response &&
    (response as { status?: unknown }).status === 'error'
  );
}

/**
 * The one place errors become HTTP: RFC 9457 `application/problem+json`, never a stack trace,
 * SQL or a host name. A 5xx gets an `error_id` that is also on the log line with the real cause.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (request?.raw && isInfrastructureError(exception)) noteInfrastructureFailure(request.raw, exception);
    const body = this.toProblem(exception);
    body.instance = request.url?.split('?')[0];
    const requestId = (request.raw as { id?: unknown } | undefined)?.id;
    if (typeof requestId === 'string') body.request_id = requestId;

    // Unexpected failures get an error id and a logged cause; a deliberate 5xx (503 from a health
    // check, a timeout or the open database breaker) is an answer, not a fault.
    const deliberate = exception instanceof HttpException || exception instanceof DomainException;
    if (body.status === 500 || (body.status > 500 && !deliberate)) {
      body.error_id = randomUUID();
      const cause = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(
        { err: cause, error_id: body.error_id, request_id: body.request_id },
        `Unhandled error ${body.error_id}`,
      );
    }
    const retryAfter =
      exception instanceof HttpException
        ? (exception.getResponse() as { retryAfter?: number }).retryAfter
        : (body.retryAfter as number | undefined);
    delete body.retryAfter;
    if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
    void reply.status(body.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
  }

  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainException) {
      // Extensions never override the standard members (status, title, ...).
      const status = statusOf(exception.code) ?? 500;
      return { ...exception.extensions, ...problem(status, exception.detail), code: exception.code };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (isHealthReport(response)) {
        return problem(status, 'One or more dependencies are unavailable.', { checks: response.details });
      }
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      if (Array.isArray(message)) {
        return problem(status, 'The request is not valid.', {
          code: CoreErrorCode.ValidationFailed,
          errors: message.map(String),
        });
      }
      return problem(status, typeof message === 'string' ? message : exception.message);
    }
    if (isInfrastructureError(exception)) {
      return problem(503, 'A backing service is unavailable; retry shortly.', { retryAfter: 5 });
    }
    const fastifyError = exception as FastifyLikeError;

    const status = fastifyError?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const known = fastifyError.code ? FASTIFY_CLIENT_ERRORS[fastifyError.code] : undefined;
      return problem(status, known ?? 'The request could not be processed.');
    }
    return problem(500, 'An unexpected error occurred. Quote the error_id when reporting it.');
  }
}

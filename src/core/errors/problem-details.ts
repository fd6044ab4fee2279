import { STATUS_CODES } from 'node:http';
import { CoreErrorCode, type ErrorCode } from './error-catalogue.js';

/** RFC 9457 problem details, plus our `code`, `request_id` and (for 5xx) `error_id` members. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ErrorCode;
  request_id?: string;
  error_id?: string;
  errors?: string[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

// The code of an answer that names none (Nest's own exceptions, Fastify's errors), by status.
const CODES: Record<number, CoreErrorCode> = {
  400: CoreErrorCode.BadRequest,
  401: CoreErrorCode.Unauthorized,
  403: CoreErrorCode.Forbidden,
  404: CoreErrorCode.NotFound,
  405: CoreErrorCode.MethodNotAllowed,
  408: CoreErrorCode.RequestTimeout,
  409: CoreErrorCode.Conflict,
  413: CoreErrorCode.PayloadTooLarge,
  415: CoreErrorCode.UnsupportedMediaType,
  422: CoreErrorCode.UnprocessableEntity,
  429: CoreErrorCode.TooManyRequests,
  500: CoreErrorCode.InternalError,
  503: CoreErrorCode.ServiceUnavailable,
};

export function problem(status: number, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code: CODES[status] ?? (status >= 500 ? CoreErrorCode.InternalError : CoreErrorCode.BadRequest),
    ...extra,
  };
}

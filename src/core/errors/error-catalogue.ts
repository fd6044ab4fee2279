/**
 * Every error code a client can receive, with its HTTP status: one table, read by
 * ProblemDetailsFilter. Core names no layer, so each layer's `<layer>.errors.ts` adds its own enum
 * to `ErrorCodes` (declaration merging: only declared codes type-check as an `ErrorCode`) and its
 * statuses with `declareErrorCodes`. The title follows the status (`Not Found` for 404).
 */
export interface ErrorCodes {
  core: CoreErrorCode;
}

export type ErrorCode = ErrorCodes[keyof ErrorCodes];

const statuses = new Map<string, number>();

/**
 * Enters a layer's codes in the table; the statuses must cover the whole enum. A code two layers
 * share (MODULE_NOT_FOUND means the same wherever it is raised) must answer the same status.
 */
export function declareErrorCodes<C extends ErrorCode>(
  _codes: Record<string, C>,
  table: Record<NoInfer<C>, number>,
): void {
  for (const [code, status] of Object.entries<number>(table)) {
    const known = statuses.get(code);
    if (known !== undefined && known !== status) {
      throw new Error(`Error code ${code} is declared with status ${known} and with ${status}`);
    }
    statuses.set(code, status);
  }
}

/** The status a code answers; undefined only for a code no layer declared (a bug: the filter answers 500). */
export function statusOf(code: ErrorCode): number | undefined {
  return statuses.get(code);
}

/** Core's own codes: the fallback per status for errors that name none, request validation, cursors. */
export enum CoreErrorCode {
  BadRequest = 'BAD_REQUEST',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  RequestTimeout = 'REQUEST_TIMEOUT',
  Conflict = 'CONFLICT',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  UnprocessableEntity = 'UNPROCESSABLE_ENTITY',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  InternalError = 'INTERNAL_ERROR',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  ValidationFailed = 'VALIDATION_FAILED',
  InvalidCursor = 'INVALID_CURSOR',
}

declareErrorCodes(CoreErrorCode, {
  [CoreErrorCode.BadRequest]: 400,
  [CoreErrorCode.Unauthorized]: 401,
  [CoreErrorCode.Forbidden]: 403,
  [CoreErrorCode.NotFound]: 404,
  [CoreErrorCode.MethodNotAllowed]: 405,
  [CoreErrorCode.RequestTimeout]: 408,
  [CoreErrorCode.Conflict]: 409,
  [CoreErrorCode.PayloadTooLarge]: 413,
  [CoreErrorCode.UnsupportedMediaType]: 415,
  [CoreErrorCode.UnprocessableEntity]: 422,
  [CoreErrorCode.TooManyRequests]: 429,
  [CoreErrorCode.InternalError]: 500,
  [CoreErrorCode.ServiceUnavailable]: 503,
  [CoreErrorCode.ValidationFailed]: 400,
  [CoreErrorCode.InvalidCursor]: 400,
});

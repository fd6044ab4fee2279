import type { ErrorCode } from './error-catalogue.js';

/**
 * A failure the caller can act on, raised by any layer and mapped to HTTP in one place
 * (`ProblemDetailsFilter`, by the code's status in the error catalogue). `code` is stable and
 * machine-readable; `detail` is safe to show.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainException';
  }
}

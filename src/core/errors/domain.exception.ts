/**
 * A failure the caller can act on, raised by any layer and mapped to HTTP in one place
 * (`ProblemDetailsFilter`). `code` is stable and machine-readable; `detail` is safe to show.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainException';
  }
}

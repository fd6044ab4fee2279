import type { components } from './generated/openapi.js';

export type ProblemDetails = components['schemas']['ProblemDetailsDto'];

/** The server answered with a 4xx or 5xx: its RFC 9457 problem details, when it sent them. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly problem: Partial<ProblemDetails> | null,
    readonly method: string,
    readonly path: string,
  ) {
    super(ApiError.describe(status, problem));
  }

  /** The problem's code (LEASE_LOST, MODULE_INACTIVE, ...) or null. */
  get code(): string | null {
    return this.problem?.code ?? null;
  }

  private static describe(status: number, problem: Partial<ProblemDetails> | null): string {
    const detail = problem?.detail ?? problem?.title ?? 'no problem details';
    const fields = problem?.errors ?? [];
    return `${status} ${detail}${fields.length > 0 ? ` (${fields.join('; ')})` : ''}`;
  }
}

/** No answer at all: connection refused, DNS, a reset, or the request's own timeout. */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';

  constructor(
    readonly baseUrl: string,
    readonly reason: string,
  ) {
    super(`cannot reach ${baseUrl}: ${reason}`);
  }
}

import { ApiError, ConnectionError } from '../errors.js';

/** Distinct exit codes, so a script can tell "fix the command" from "the server is down". */
export const ExitCode = {
  Ok: 0,
  Unexpected: 1,
  /** Bad flags or arguments, a missing or unreadable configuration. */
  Usage: 2,
  /** No answer: connection refused, unknown host, timeout. */
  Unreachable: 3,
  /** 401 or 403: no key, a bad, revoked or expired key, or one without the scope. */
  Auth: 4,
  /** 404: no such robot, module, key, delivery, or an endpoint this server does not have. */
  NotFound: 5,
  /** Any other 4xx: invalid input (400), a conflict (409), refused (415, 422), rate limited (429). */
  Rejected: 6,
  /** 5xx. */
  Server: 7,
  /** The call worked and the outcome is a failure: robots of a bulk submit refused, a watched robot FAILED. */
  Failed: 8,
} as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One line for the operator and the exit code for scripts. Never names the API key. */
export function describeError(error: unknown): { line: string; code: number } {
  if (error instanceof UsageError) return { line: error.message, code: ExitCode.Usage };
  if (error instanceof ConnectionError) return { line: error.message, code: ExitCode.Unreachable };
  if (error instanceof ApiError) {
    const hint =
      error.status === 401
        ? ' (check --api-key, BOTFLEET_API_KEY or the config file)'
        : error.status === 404 && (!error.problem?.code || error.problem.code === 'NOT_FOUND')
          ? ' (this server does not have that endpoint)'
          : '';
    const line = `${error.message}${error.code ? ` [${error.code}]` : ''}${hint}`;
    if (error.status === 401 || error.status === 403) return { line, code: ExitCode.Auth };
    if (error.status === 404) return { line, code: ExitCode.NotFound };
    if (error.status >= 500) return { line, code: ExitCode.Server };
    return { line, code: ExitCode.Rejected };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { line: `unexpected error: ${message.split('\n')[0]}`, code: ExitCode.Unexpected };
}

/**
 * Errors that mean "the database is not there right now", as opposed to errors of the request
 * itself (a constraint, bad input): PostgreSQL classes 08 (connection), 53 (resources), 57P
 * (shutdown, cannot connect now), 57014 (statement timeout), and the driver's socket errors.
 */
const SQLSTATE = /^(08|53|57P)|^57014$/;
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENOENT']);
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED|Connection ended/i;

export function isInfrastructureError(error: unknown): boolean {
  // Duck-typed: socket errors may come from another realm, where `instanceof Error` is false.
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError, message } = error as { code?: unknown; driverError?: unknown; message?: unknown };
  if (typeof code === 'string' && (SQLSTATE.test(code) || NODE_CODES.has(code))) return true;
  if (driverError && driverError !== error && isInfrastructureError(driverError)) return true;
  return typeof message === 'string' && DRIVER_MESSAGES.test(message);
}

const failures = new WeakMap<object, unknown>();

/**
 * The problem filter notes an infrastructure error against the raw request it answered, so the
 * database breaker, which only sees the request once it has been answered, can count it.
 */
export function noteInfrastructureFailure(request: object, error: unknown): void {
  failures.set(request, error);
}

/** The infrastructure error a request was answered with, if any. */
export function infrastructureFailureOf(request: object): unknown {
  return failures.get(request);
}

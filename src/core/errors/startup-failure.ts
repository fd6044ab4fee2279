/** The fields Node's socket errors and the `pg` driver's server errors carry. */
interface CodedError {
  code?: unknown;
  address?: unknown;
  port?: unknown;
  message?: unknown;
}

/** PostgreSQL's SQLSTATEs an operator meets at boot (appendix A of its manual). */
const PG_INVALID_CATALOG = '3D000';
const PG_AUTH_FAILED = ['28P01', '28000'];

/**
 * One sentence an operator can act on, for the start-up failures that are theirs to fix (a port
 * in use, a database that is missing or unreachable); null for anything else. Never the value of
 * DATABASE_URL: it may hold a password.
 */
export function explainStartupFailure(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, address, port } = error as CodedError;
  const message = typeof (error as CodedError).message === 'string' ? ((error as CodedError).message as string) : '';
  const at = typeof address === 'string' && port !== undefined ? `${address}:${String(port)}` : 'the address';
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${String(port ?? '')} on ${String(address ?? 'HOST')} is already in use: stop the other process or set PORT to a free port.`;
    case 'EACCES':
      return `Not allowed to listen on ${at}: use a port above 1023 or run with the right to bind it (PORT, HOST).`;
    case 'ECONNREFUSED':
      return `No database answers at ${at} (DATABASE_URL): is PostgreSQL running there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return "The database host in DATABASE_URL cannot be resolved: check the URL's host name.";
    case PG_INVALID_CATALOG:
      // pg's message is `database "name" does not exist`: the name, never the credentials.
      return `The ${message} (DATABASE_URL): create it (createdb) or point DATABASE_URL at one that exists.`;
  }
  if (PG_AUTH_FAILED.includes(code as string)) {
    return 'The database refused the user or password in DATABASE_URL.';
  }
  return null;
}

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type PgTool = 'pg_dump' | 'pg_restore';

/** How a PostgreSQL client program reaches the database: the URL without its password, and the password apart. */
export interface PgTarget {
  /** A `postgres://` URL with no password: safe in a process list. */
  dbname: string;
  /** The database's name alone, for messages and file names. */
  database: string;
  password?: string;
}

export function pgTarget(databaseUrl: string): PgTarget {
  const url = new URL(databaseUrl);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.password = '';
  return { dbname: url.toString(), database: decodeURIComponent(url.pathname.slice(1)) || 'postgres', password };
}

/** The same server, another database (the restore drill's scratch database). */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export class PgToolError extends Error {
  constructor(
    readonly tool: PgTool,
    message: string,
  ) {
    super(message);
    this.name = 'PgToolError';
  }
}

interface RunOptions {
  binDir?: string;
  signal?: AbortSignal;
  /** Called with each line the program writes on stdout (`pg_restore --list`), never kept whole. */
  onLine?: (line: string) => void;
}

const STDERR_KEPT = 2_000;

/**
 * Runs pg_dump or pg_restore against `target` and resolves when it exits 0. The password goes in
 * PGPASSWORD, never on the command line; stderr (kept to its last 2,000 characters) is the error
 * message on failure. An abort kills the program.
 */
export function runPgTool(tool: PgTool, args: string[], target: PgTarget, options: RunOptions = {}): Promise<void> {
  const program = options.binDir ? join(options.binDir, tool) : tool;
  return new Promise((resolve, reject) => {
    const child = spawn(program, target.dbname ? [...args, `--dbname=${target.dbname}`] : args, {
      env: {
        PATH: process.env.PATH ?? '',
        LANG: 'C',
        PGCONNECT_TIMEOUT: '10',
        ...(target.password ? { PGPASSWORD: target.password } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT)));
    if (options.onLine) createInterface({ input: child.stdout }).on('line', options.onLine);
    else child.stdout.resume();
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT')
        reject(new PgToolError(tool, `${tool} not found (install postgresql-client or set BACKUP_PG_BIN_DIR)`));
      else if (error.name === 'AbortError')
        reject(new PgToolError(tool, `${tool} stopped: ${String(options.signal?.reason ?? 'aborted')}`));
      else reject(new PgToolError(tool, `${tool} could not run: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else if (code !== null || signal) {
        const why = stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${code ?? signal}`;
        reject(new PgToolError(tool, `${tool} failed (${code ?? signal}): ${why}`));
      }
    });
  });
}

/** The major version of an installed client program (`pg_dump (PostgreSQL) 15.19` -> 15). */
export function pgToolMajorVersion(tool: PgTool, binDir?: string): Promise<number> {
  const program = binDir ? join(binDir, tool) : tool;
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', () =>
      reject(new PgToolError(tool, `${tool} not found (install postgresql-client or set BACKUP_PG_BIN_DIR)`)),
    );
    child.on('close', () => {
      const match = /\(PostgreSQL\)\s+(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
      else reject(new PgToolError(tool, `${tool} --version said nothing readable`));
    });
  });
}

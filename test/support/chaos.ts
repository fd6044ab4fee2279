import type pg from 'pg';
import { http, type HttpResult } from './test-app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every answer a fault test's clients saw that was not a success, by status (0: no answer at all). */
export class ClientErrors {
  readonly byStatus = new Map<number, number>();

  record(status: number): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }

  get total(): number {
    return [...this.byStatus.values()].reduce((a, b) => a + b, 0);
  }

  toString(): string {
    const entries = [...this.byStatus.entries()].sort(([a], [b]) => a - b);
    return entries.length ? entries.map(([status, n]) => `${status}: ${n}`).join(', ') : 'none';
  }
}

/** A JSON call that answers status 0 instead of throwing when the connection fails. */
export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  try {
    return await http<T>(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { status: 0, headers: new Headers(), body: {} as T };
  }
}

const RETRYABLE = new Set([0, 429, 502, 503, 504]);

/**
 * A client that retries what is safe to retry: a failed connection, 502/503/504 and 429, with a
 * short backoff. Every failed try is recorded in `errors`; the last answer is returned.
 */
export async function withRetries<T>(
  errors: ClientErrors,
  attempt: () => Promise<HttpResult<T>>,
  tries = 20,
): Promise<HttpResult<T>> {
  for (let i = 1; ; i++) {
    const res = await attempt();
    if (!RETRYABLE.has(res.status) || i === tries) return res;
    errors.record(res.status);
    await sleep(Math.min(1_000, 50 * 2 ** i));
  }
}

export interface RunFigures {
  scenario: string;
  sent: number;
  completed: number;
  lost: number;
  duplicated: number;
  errors: ClientErrors;
  recoveryMs: number | null;
}

/** One line of the fault table, printed whatever the assertions say next. */
export function printRow(row: RunFigures): void {
  const recovery = row.recoveryMs === null ? 'n/a' : `${(row.recoveryMs / 1000).toFixed(1)} s`;
  process.stdout.write(
    `| ${row.scenario} | sent ${row.sent} | completed ${row.completed} | lost ${row.lost} | duplicated ${row.duplicated} ` +
      `| client errors ${row.errors.toString()} | recovery ${recovery} |\n`,
  );
}

/** The run's robots by status, and the ones with more than one COMPLETED attempt. */
export async function tally(
  db: pg.Pool,
  correlationId: string,
): Promise<{ byStatus: Record<string, number>; total: number; completedTwice: number }> {
  const { rows } = await db.query<{ status: string; n: number }>(
    `SELECT status::text AS status, count(*)::int AS n FROM robots WHERE correlation_id = $1 GROUP BY status`,
    [correlationId],
  );
  const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.n]));
  const twice = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT e.robot_id FROM robot_execute e JOIN robots r ON r.robot_id = e.robot_id
        WHERE r.correlation_id = $1 AND e.execution_state = 'COMPLETED'
        GROUP BY e.robot_id HAVING count(*) > 1) d`,
    [correlationId],
  );
  return { byStatus, total: rows.reduce((a, row) => a + row.n, 0), completedTwice: twice.rows[0].n };
}

export const TERMINAL = ['COMPLETED', 'FAILED', 'CANCELLED'];

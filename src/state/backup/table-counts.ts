/** Something that runs a query and returns its rows: a pg Client or Pool, a DataSource, PGlite. */
export type RunQuery = <T>(sql: string) => Promise<T[]>;

/** Rows per table: what a restore is compared against. */
export type TableCounts = Record<string, number>;

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Every table of the public schema with its exact row count, in one statement (one snapshot). */
export async function countTables(run: RunQuery): Promise<TableCounts> {
  const tables = await run<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  if (tables.length === 0) return {};
  const rows = await run<{ name: string; count: string | number }>(
    tables
      .map(({ name }) => `SELECT '${name.replace(/'/g, "''")}' AS name, count(*) AS count FROM ${quoteIdent(name)}`)
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.count)]));
}

export interface CountMismatch {
  table: string;
  expected: number | [number, number];
  restored: number | null;
}

/**
 * Tables whose restored count is not what the snapshot held. `expected` gives one count per table,
 * or two (counted just before and just after a copy that had no snapshot of its own): then the
 * restored count must lie between them.
 */
export function compareCounts(expected: TableCounts, restored: TableCounts, after?: TableCounts): CountMismatch[] {
  const mismatches: CountMismatch[] = [];
  for (const table of Object.keys(expected).sort()) {
    const got = restored[table] ?? null;
    const low = Math.min(expected[table], after?.[table] ?? expected[table]);
    const high = Math.max(expected[table], after?.[table] ?? expected[table]);
    if (got === null || got < low || got > high) {
      mismatches.push({ table, expected: low === high ? low : [low, high], restored: got });
    }
  }
  return mismatches;
}

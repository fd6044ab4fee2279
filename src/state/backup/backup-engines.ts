import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import pg from 'pg';
import type { EmbeddedPostgres } from '../embedded/embedded-postgres.js';
import type { BackupKind } from './backup-files.js';
import { pgTarget, pgToolMajorVersion, runPgTool, withDatabase } from './pg-tools.js';
import { compareCounts, type CountMismatch, countTables, type RunQuery, type TableCounts } from './table-counts.js';

/** What a backup's verification found; stored as `backup_log.verification`. */
export interface Verification {
  /** pg_dump: entries `pg_restore --list` read from the archive's table of contents. */
  listed_entries?: number;
  /** `passed`: restored and every table's count matched; `skipped`: BACKUP_VERIFY_RESTORE=false or not allowed. */
  drill: 'passed' | 'failed' | 'skipped';
  drill_ms?: number;
  tables_compared?: number;
  rows_compared?: number;
  mismatches?: CountMismatch[];
  reason?: string;
}

export interface DumpResult {
  /** Every write acknowledged before this instant is in the backup. */
  snapshotAt: Date;
  counts: TableCounts;
  /** pglite_datadir only: the counts again just after the copy (it has no snapshot of its own). */
  countsAfter?: TableCounts;
  serverVersion: string;
  lastMigration: string | null;
}

/** Writes one backup file and proves it restorable; one implementation per database kind. */
export interface BackupEngine {
  readonly kind: BackupKind;
  readonly database: string;
  /** Why backups cannot run here (no pg_dump, one too old), or undefined when they can. */
  unavailable(): Promise<string | undefined>;
  dump(file: string, signal: AbortSignal): Promise<DumpResult>;
  verify(file: string, dumped: DumpResult, restoreDrill: boolean, signal: AbortSignal): Promise<Verification>;
}

const META_SQL = `SELECT current_setting('server_version') AS version,
  (SELECT name FROM typeorm_migrations ORDER BY timestamp DESC, id DESC LIMIT 1) AS last_migration`;

async function meta(run: RunQuery): Promise<{ serverVersion: string; lastMigration: string | null }> {
  const [row] = await run<{ version: string; last_migration: string | null }>(META_SQL);
  return { serverVersion: row.version, lastMigration: row.last_migration };
}

function drillOutcome(expected: TableCounts, restored: TableCounts, after: TableCounts | undefined, started: number) {
  const mismatches = compareCounts(expected, restored, after);
  return {
    drill: mismatches.length === 0 ? ('passed' as const) : ('failed' as const),
    drill_ms: Date.now() - started,
    tables_compared: Object.keys(expected).length,
    rows_compared: Object.values(restored).reduce((sum, n) => sum + n, 0),
    ...(mismatches.length
      ? { mismatches, reason: `${mismatches.length} table(s) restored with other row counts` }
      : {}),
  };
}

/**
 * PostgreSQL: `pg_dump -Fc` inside an exported snapshot, so the row counts taken in the same
 * snapshot are exactly what the archive holds; verified by `pg_restore --list`, then by restoring
 * into a scratch database on the same server and comparing every table's count.
 */
export class PgDumpEngine implements BackupEngine {
  readonly kind = 'pg_dump';
  readonly database: string;

  constructor(
    private readonly databaseUrl: string,
    private readonly binDir?: string,
  ) {
    this.database = pgTarget(databaseUrl).database;
  }

  private client(url = this.databaseUrl): pg.Client {
    return new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  }

  async unavailable(): Promise<string | undefined> {
    try {
      const dump = await pgToolMajorVersion('pg_dump', this.binDir);
      await pgToolMajorVersion('pg_restore', this.binDir);
      const client = this.client();
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string }>(`SELECT current_setting('server_version_num') AS n`);
        const server = Math.floor(Number(rows[0].n) / 10_000);
        return dump < server
          ? `pg_dump ${dump} cannot dump a PostgreSQL ${server} server: install client ${server} or newer`
          : undefined;
      } finally {
        await client.end();
      }
    } catch (error) {
      return (error as Error).message;
    }
  }

  async dump(file: string, signal: AbortSignal): Promise<DumpResult> {
    const client = this.client();
    await client.connect();
    const run: RunQuery = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    try {
      // The snapshot must stay open until pg_dump has attached to it and finished.
      await client.query(`SET idle_in_transaction_session_timeout = 0; SET statement_timeout = 0`);
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [snapshot] = await run<{ id: string; at: Date }>(
        `SELECT pg_export_snapshot() AS id, statement_timestamp() AS at`,
      );
      const counts = await countTables(run);
      const info = await meta(run);
      await runPgTool(
        'pg_dump',
        ['--format=custom', '--compress=6', `--snapshot=${snapshot.id}`, '--lock-wait-timeout=60000', `--file=${file}`],
        pgTarget(this.databaseUrl),
        { binDir: this.binDir, signal },
      );
      await client.query('COMMIT');
      return { snapshotAt: snapshot.at, counts, ...info };
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async verify(file: string, dumped: DumpResult, restoreDrill: boolean, signal: AbortSignal): Promise<Verification> {
    let listed = 0;
    await runPgTool(
      'pg_restore',
      ['--list', file],
      { dbname: '', database: '' },
      {
        binDir: this.binDir,
        signal,
        onLine: (line) => (listed += line.startsWith(';') || line.trim() === '' ? 0 : 1),
      },
    ).catch((error: Error) => {
      throw new Error(`the archive's table of contents cannot be read: ${error.message}`);
    });
    if (!restoreDrill) return { listed_entries: listed, drill: 'skipped', reason: 'BACKUP_VERIFY_RESTORE=false' };

    const started = Date.now();
    const scratch = `bf_restore_drill_${randomBytes(6).toString('hex')}`;
    const admin = this.client();
    await admin.connect();
    try {
      try {
        await admin.query(`CREATE DATABASE ${scratch} TEMPLATE template0`);
      } catch (error) {
        return {
          listed_entries: listed,
          drill: 'skipped',
          reason: `cannot create a scratch database: ${(error as Error).message}`,
        };
      }
      const scratchUrl = withDatabase(this.databaseUrl, scratch);
      try {
        await runPgTool(
          'pg_restore',
          ['--no-owner', '--no-privileges', '--exit-on-error', '--jobs=2', file],
          pgTarget(scratchUrl),
          {
            binDir: this.binDir,
            signal,
          },
        );
      } catch (error) {
        return {
          listed_entries: listed,
          drill: 'failed',
          drill_ms: Date.now() - started,
          reason: (error as Error).message,
        };
      }
      const restored = this.client(scratchUrl);
      await restored.connect();
      try {
        const counts = await countTables(async <T>(sql: string) => (await restored.query(sql)).rows as T[]);
        return { listed_entries: listed, ...drillOutcome(dumped.counts, counts, undefined, started) };
      } finally {
        await restored.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
  }
}

/**
 * The embedded PGlite database: its data folder as a gzipped tarball (`dumpDataDir`), verified by
 * opening the archive as a second, in-memory PGlite and comparing every table's count with the
 * counts taken just before and just after the copy.
 */
export class PgliteDataDirEngine implements BackupEngine {
  readonly kind = 'pglite_datadir';
  readonly database = 'pglite';

  constructor(
    private readonly embedded: EmbeddedPostgres,
    private readonly run: RunQuery,
  ) {}

  unavailable(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }

  async dump(file: string): Promise<DumpResult> {
    const info = await meta(this.run);
    const counts = await countTables(this.run);
    const snapshotAt = new Date();
    const archive = await this.embedded.dumpDataDir();
    const countsAfter = await countTables(this.run);
    await writeFile(file, Buffer.from(await archive.arrayBuffer()), { mode: 0o600 });
    return { snapshotAt, counts, countsAfter, ...info };
  }

  async verify(file: string, dumped: DumpResult, restoreDrill: boolean): Promise<Verification> {
    if (!restoreDrill) return { drill: 'skipped', reason: 'BACKUP_VERIFY_RESTORE=false' };
    const started = Date.now();
    const copy = await openArchive(file);
    try {
      const counts = await countTables(async <T>(sql: string) => (await copy.query<T>(sql)).rows);
      return drillOutcome(dumped.counts, counts, dumped.countsAfter, started);
    } catch (error) {
      return { drill: 'failed', drill_ms: Date.now() - started, reason: (error as Error).message };
    } finally {
      await copy.close();
    }
  }
}

/** A PGlite archive opened in memory, or written into `dataDir` when one is given (restore). */
export async function openArchive(file: string, dataDir?: string): Promise<PGlite> {
  const archive = new Blob([await readFile(file)]);
  try {
    return await PGlite.create({ loadDataDir: archive, ...(dataDir ? { dataDir } : {}) });
  } catch (error) {
    throw new Error(`the archive does not open as a PGlite data folder: ${(error as Error).message}`);
  }
}

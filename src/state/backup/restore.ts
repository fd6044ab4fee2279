/**
 * `npm run restore -- FILE [--database-url URL | --data-dir DIR]`: restores a botfleet backup into
 * an empty database, checks it against its manifest (checksum before, row counts after), and
 * prints what it restored. PostgreSQL archives (pg_dump -Fc) go to DATABASE_URL; PGlite archives
 * (the embedded default's data folder) go to `<DATA_DIR>/pglite`. It refuses a database or folder
 * that already holds data: restore into a new one, then point the service at it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DataDirLock } from '../embedded/data-dir-lock.js';
import { openArchive } from './backup-engines.js';
import { type BackupKind, type BackupManifest, readManifest, sha256File, sniffKind } from './backup-files.js';
import { pgTarget, runPgTool } from './pg-tools.js';
import { compareCounts, countTables, type TableCounts } from './table-counts.js';

const USAGE = 'usage: npm run restore -- <backup file> [--database-url postgres://...] [--data-dir DIR] [--jobs N]';

class RestoreError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

interface Options {
  file: string;
  databaseUrl?: string;
  dataDir: string;
  jobs: number;
  binDir?: string;
}

function options(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      jobs: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) throw new RestoreError(USAGE, 2);
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 32)
    throw new RestoreError('--jobs must be a whole number from 1 to 32', 2);
  return {
    file: resolve(positionals[0]),
    databaseUrl: values['database-url'] ?? (process.env.DATABASE_URL || undefined),
    dataDir: values['data-dir'] ?? (process.env.DATA_DIR || './data'),
    jobs,
    binDir: process.env.BACKUP_PG_BIN_DIR || undefined,
  };
}

const log = (line: string) => console.log(line);

async function checkFile(file: string): Promise<{ kind: BackupKind; manifest?: BackupManifest }> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new RestoreError(`${file}: no such file`);
  const kind = await sniffKind(file);
  if (!kind) throw new RestoreError(`${file} is neither a pg_dump archive nor a PGlite data folder archive`);
  const manifest = await readManifest(file);
  if (!manifest) {
    log(`No manifest (${file}.json) beside the file: its checksum and row counts cannot be checked.`);
    return { kind };
  }
  const checksum = await sha256File(file);
  if (checksum !== manifest.checksum_sha256) {
    throw new RestoreError(
      `${file}: SHA-256 ${checksum} is not the manifest's ${manifest.checksum_sha256}: the file is damaged`,
    );
  }
  log(
    `Backup ${manifest.backup_id} (${manifest.kind}, snapshot ${manifest.snapshot_at}, migration ${manifest.last_migration})`,
  );
  log(`Checksum OK: sha256 ${checksum}`);
  return { kind, manifest };
}

function report(counts: TableCounts, manifest?: BackupManifest): void {
  const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  log(`Restored ${Object.keys(counts).length} tables, ${rows} rows (robots: ${counts.robots ?? 0}).`);
  if (!manifest) return;
  const mismatches = compareCounts(manifest.counts, counts);
  if (mismatches.length > 0) {
    throw new RestoreError(
      `Row counts differ from the manifest: ${mismatches.map((m) => `${m.table} ${m.restored}/${String(m.expected)}`).join(', ')}`,
    );
  }
  log(`Row counts match the manifest in all ${Object.keys(manifest.counts).length} tables.`);
}

/** The backup's own row says RUNNING in the archive (it was taken while it ran): record what it became. */
async function settleBackupRow(
  run: (sql: string, params: unknown[]) => Promise<unknown>,
  fileName: string,
  manifest?: BackupManifest,
) {
  await run(
    `UPDATE backup_log SET status = 'FAILED', finished_at = now(), error = 'interrupted: the database was restored from a backup'
      WHERE status = 'RUNNING' AND backup_id::text <> $1`,
    [manifest?.backup_id ?? ''],
  );
  if (!manifest) return;
  await run(
    `UPDATE backup_log SET status = 'SUCCEEDED', finished_at = $2, size_bytes = $3, checksum_sha256 = $4, verified = $5,
            snapshot_at = $6, file_name = $7 WHERE backup_id = $1 AND status = 'RUNNING'`,
    [
      manifest.backup_id,
      manifest.finished_at,
      manifest.size_bytes,
      manifest.checksum_sha256,
      manifest.verified,
      manifest.snapshot_at,
      fileName,
    ],
  );
}

async function restorePostgres(file: string, databaseUrl: string, opts: Options, manifest?: BackupManifest) {
  const target = pgTarget(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect().catch((error: Error) => {
    throw new RestoreError(`cannot connect to database ${target.database}: ${error.message}`);
  });
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    if (rows[0].n > 0) {
      throw new RestoreError(
        `database ${target.database} is not empty (${rows[0].n} tables): restore into a new one (createdb <name>), then point DATABASE_URL at it`,
        3,
      );
    }
    log(`Restoring into PostgreSQL database ${target.database} with ${opts.jobs} job(s)...`);
    await runPgTool(
      'pg_restore',
      ['--no-owner', '--no-privileges', '--exit-on-error', `--jobs=${opts.jobs}`, file],
      target,
      { binDir: opts.binDir },
    );
    const run = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    await settleBackupRow((sql, params) => client.query(sql, params), basename(file), manifest);
    report(await countTables(run), manifest);
  } finally {
    await client.end();
  }
}

async function restorePglite(file: string, dataDir: string, manifest?: BackupManifest) {
  const lock = DataDirLock.acquire(dataDir);
  try {
    const pgdata = join(lock.dataDir, 'pglite');
    if (existsSync(pgdata) && readdirSync(pgdata).length > 0) {
      throw new RestoreError(
        `${pgdata} already holds a database: restore into a new DATA_DIR (--data-dir), or move that folder away first`,
        3,
      );
    }
    log(`Restoring into PGlite data folder ${pgdata}...`);
    const db = await openArchive(file, pgdata);
    try {
      await db.exec(`SET TIME ZONE 'UTC'`);
      await settleBackupRow((sql, params) => db.query(sql, params), basename(file), manifest);
      report(await countTables(async <T>(sql: string) => (await db.query<T>(sql)).rows), manifest);
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

async function main(argv: string[]): Promise<void> {
  const opts = options(argv);
  const started = Date.now();
  const { kind, manifest } = await checkFile(opts.file);
  if (kind === 'pg_dump') {
    if (!opts.databaseUrl)
      throw new RestoreError('a pg_dump archive restores into PostgreSQL: set DATABASE_URL or --database-url', 2);
    await restorePostgres(opts.file, opts.databaseUrl, opts, manifest);
  } else {
    if (opts.databaseUrl && !argv.includes('--data-dir')) {
      log('This is a PGlite archive: it restores into a data folder, not DATABASE_URL.');
    }
    await restorePglite(opts.file, opts.dataDir, manifest);
  }
  log(`Restore finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  // Secrets at rest (mailbox passwords, webhook secrets) are sealed with a key no backup holds.
  log(
    kind === 'pg_dump'
      ? 'Start the service with the SECRETS_KEY the backed-up service had, or stored secrets cannot be read.'
      : `Copy secrets.key from the old DATA_DIR into ${opts.dataDir} (or set SECRETS_KEY), or stored secrets cannot be read.`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const exitCode = error instanceof RestoreError ? error.exitCode : 1;
  console.error(error instanceof RestoreError ? error.message : `Restore failed: ${(error as Error).message}`);
  process.exit(exitCode);
});

import type { DataSource, Migration } from 'typeorm';

export const MIN_SERVER_VERSION = 150000;

/** Refuses a server older than PostgreSQL 15, the oldest the migrations and queries are written for. */
export async function assertServerVersion(dataSource: DataSource): Promise<void> {
  const [{ server_version_num: version }] = (await dataSource.query('SHOW server_version_num')) as Array<{
    server_version_num: string;
  }>;
  if (Number(version) < MIN_SERVER_VERSION) {
    throw new Error(`PostgreSQL 15 or newer is required; DATABASE_URL points at server version ${version}`);
  }
}

/** pg_advisory_lock key for migrations ("bfmg"): several instances may boot at once. */
export const MIGRATION_LOCK_KEY = 0x62666d67;

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** Applies pending migrations, each in its own transaction, while holding the migration lock. */
export function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  return withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
}

export function revertLastMigration(dataSource: DataSource): Promise<void> {
  return withMigrationLock(dataSource, () => dataSource.undoLastMigration({ transaction: 'each' }));
}

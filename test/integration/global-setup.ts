import pg from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * The integration tier runs against the machine's real PostgreSQL and Redis. It creates a fresh,
 * uniquely named database for the run and drops it afterwards (global-teardown.ts), so runs never
 * see each other's data. It refuses to touch a database whose name does not say "test".
 */
export default async function globalSetup(): Promise<void> {
  const admin = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `bf_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    if (Number(rows[0].server_version_num) < 150000) throw new Error('PostgreSQL 15 or newer is required');
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.TEST_DATABASE_NAME = name;
  process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379';
  process.env.TEST_CACHE_PREFIX = `bft_${randomBytes(4).toString('hex')}`;
}

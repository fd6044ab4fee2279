import pg from 'pg';
import { createClient } from '@keyv/redis';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.TEST_DATABASE_NAME;
  if (name && /^bf_test_\w+$/.test(name)) {
    const client = new pg.Client({
      connectionString: process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  const prefix = process.env.TEST_CACHE_PREFIX;
  if (prefix?.startsWith('bft_')) {
    const redis = createClient({ url: process.env.TEST_REDIS_URL });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length) await redis.unlink(keys);
    }
    await redis.close();
  }
}

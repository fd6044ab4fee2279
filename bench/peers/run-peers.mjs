// Runs the peer benches once with their defaults and prints one JSON line per queue
// (`node bench/peers/run-peers.mjs`; needs PostgreSQL and Redis). pg-boss gets a bf_bench_peers_*
// database of its own, dropped at the end, so nothing is left in the server it was given.
// PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) and BENCH_REDIS_URL
// (default redis://127.0.0.1:6379/0) say where. See pg-boss.mjs and bullmq.mjs for the figures.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { benchBullMQ } from './bullmq.mjs';
import { benchPgBoss } from './pg-boss.mjs';

const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

async function admin(sql) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function withDatabase(run) {
  const name = `bf_bench_peers_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

const rounded = (figures) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v]));

console.log(JSON.stringify(rounded(await withDatabase((databaseUrl) => benchPgBoss({ databaseUrl })))));
console.log(JSON.stringify(rounded(await benchBullMQ({ redisUrl: REDIS_URL }))));

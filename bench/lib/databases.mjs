// Each bench run on a database of its own.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { killAll } from './processes.mjs';

/**
 * Calls `run(index, databaseUrl)` `runs` times, each on a fresh bf_bench_* database dropped after
 * it: each run starts from the same state (no bloat, vacuum or checkpoint debt left by the one
 * before), so the runs are comparable and their median means something. Whatever happens, the
 * servers the bench started are killed and the last database is dropped.
 */
export async function onFreshDatabases(adminUrl, runs, run) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const all = [];
  let database;
  try {
    for (let i = 0; i < runs; i++) {
      database = `bf_bench_${randomBytes(4).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.query('CHECKPOINT');
      all.push(await run(i, adminUrl.replace(/\/[^/]*$/, `/${database}`)));
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
    return all;
  } finally {
    killAll();
    if (database) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * A bench's main: its runs on fresh databases, then `report(results)`; exits 1, listing them, when
 * anything failed (a thrown error, or what the runs pushed to `failures`).
 */
export async function runBench({ adminUrl, runs, run, report, failures }) {
  try {
    report(await onFreshDatabases(adminUrl, runs, run));
  } catch (error) {
    failures.push(String(error?.stack ?? error));
  }
  if (failures.length) {
    console.error(`\nFAILED:\n${failures.join('\n')}`);
    process.exit(1);
  }
}

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDataSource } from '../../src/state/data-source.js';
import { EmbeddedPostgres } from '../../src/state/embedded/embedded-postgres.js';
import { runMigrations } from '../../src/state/migration-runner.js';

const ROOT = join(import.meta.dirname, '../..');
// A build by another Jest worker takes long on a loaded 2-core machine (initdb in WASM plus every
// migration); a claim older than this was left by a run that was killed mid-build.
const ABANDONED_BUILD_MS = 240_000;

/**
 * A migrated PGlite data folder that embedded test apps start from, built once per version of the
 * migrations and of PGlite and shared by every Jest worker and run. A fresh folder costs an initdb
 * in WASM plus every migration, 15-90 s on this machine; a copy costs well under a second, and the
 * app's boot then finds no migration pending. The boot's own work (seeding, system subscriptions)
 * still runs on every app: only the schema comes from the template.
 */
export async function seedMigratedPglite(dataDir: string): Promise<void> {
  const template = join(tmpdir(), `botfleet-pglite-template-${fingerprint()}`);
  const ready = join(template, 'pglite');
  if (!existsSync(ready)) await build(template, ready);
  cpSync(ready, join(dataDir, 'pglite'), { recursive: true });
}

/** What the schema depends on: the migrations' sources and the installed PGlite. */
function fingerprint(): string {
  const hash = createHash('sha256');
  const migrations = join(ROOT, 'migrations');
  for (const name of readdirSync(migrations).sort()) hash.update(name).update(readFileSync(join(migrations, name)));
  hash.update(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  return hash.digest('hex').slice(0, 16);
}

async function build(template: string, ready: string): Promise<void> {
  mkdirSync(template, { recursive: true });
  const building = join(template, 'building');
  // mkdir is atomic: one worker builds, the others wait for `ready`.
  while (!claimed(building)) {
    if (existsSync(ready)) return;
    const claimedAt = claimTime(building);
    if (claimedAt !== undefined && Date.now() - claimedAt > ABANDONED_BUILD_MS) {
      rmSync(building, { recursive: true, force: true });
    }
    await sleep(250);
  }
  if (existsSync(ready)) {
    rmSync(building, { recursive: true, force: true }); // finished by another worker meanwhile
    return;
  }
  try {
    const embedded = await EmbeddedPostgres.start(building, 4);
    try {
      const dataSource = createDataSource(
        {
          DATABASE_URL: undefined,
          DB_READ_POOL_MIN: 0,
          DB_READ_POOL_MAX: 1,
          DB_WRITE_POOL_MIN: 0,
          DB_WRITE_POOL_MAX: 3, // the migration lock holds one connection while the migrations run on another
          DB_STATEMENT_TIMEOUT_MS: 0,
          DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 0,
          DB_CONNECT_TIMEOUT_MS: 30_000,
        },
        'write',
        embedded.endpoint,
      );
      await dataSource.initialize();
      await runMigrations(dataSource).finally(() => dataSource.destroy());
    } finally {
      await embedded.stop();
    }
    renameSync(join(building, 'pglite'), ready); // atomic: a waiting worker sees all of it or nothing
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

function claimed(building: string): boolean {
  try {
    mkdirSync(building);
    return true;
  } catch {
    return false;
  }
}

/** When another worker claimed the build; undefined once it let go (built, or failed). */
function claimTime(building: string): number | undefined {
  try {
    return statSync(building).mtimeMs;
  } catch {
    return undefined;
  }
}

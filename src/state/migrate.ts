/**
 * `npm run migration:run | migration:revert | migration:show`: the app's own DataSource definition
 * and migration lock, on PGlite (DATA_DIR) or DATABASE_URL, outside Nest.
 */
import 'reflect-metadata';
import { ConfigValidationError, validateEnvironment } from '../core/config/environment.js';
import { createDataSource, type DatabaseSettings } from './data-source.js';
import { EmbeddedPostgres } from './embedded/embedded-postgres.js';
import { assertServerVersion, revertLastMigration, runMigrations } from './migration-runner.js';

const COMMANDS = ['run', 'revert', 'show'] as const;
type Command = (typeof COMMANDS)[number];

async function main(command: Command): Promise<void> {
  const env = validateEnvironment(process.env);
  const settings: DatabaseSettings = { ...env, DB_READ_POOL_MAX: 1, DB_WRITE_POOL_MAX: 2, DB_WRITE_POOL_MIN: 1 };
  const embedded = env.DATABASE_URL
    ? undefined
    : await EmbeddedPostgres.start(env.DATA_DIR, settings.DB_WRITE_POOL_MAX);
  const dataSource = createDataSource(settings, 'write', embedded?.endpoint);
  try {
    await dataSource.initialize();
    await assertServerVersion(dataSource);
    const target = embedded ? `PGlite in ${env.DATA_DIR}` : 'DATABASE_URL';
    if (command === 'run') {
      const applied = await runMigrations(dataSource);
      console.log(
        applied.length ? `Applied to ${target}: ${applied.map((m) => m.name).join(', ')}` : `${target} is up to date`,
      );
    } else if (command === 'revert') {
      await revertLastMigration(dataSource);
      console.log(`Reverted the last migration on ${target}`);
    } else {
      const pending = await dataSource.showMigrations();
      console.log(pending ? `${target} has pending migrations` : `${target} is up to date`);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

const command = process.argv[2] as Command;
if (!COMMANDS.includes(command)) {
  console.error(`usage: migrate <${COMMANDS.join('|')}>`);
  process.exit(2);
}
main(command).catch((error: unknown) => {
  console.error(
    error instanceof ConfigValidationError ? error.message : `Migration failed: ${(error as Error).message}`,
  );
  process.exit(1);
});

import pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { MIGRATIONS } from '../../migrations/index.js';
import type { Environment } from '../core/config/environment.js';
import type { SocketEndpoint } from './embedded/embedded-postgres.js';
import { ENTITIES } from './entities/index.js';
import { SafeTypeOrmLogger } from './typeorm-logger.js';

export type PoolRole = 'write' | 'read';

/** The `read` data source's name for `@InjectRepository(Entity, READ_DATA_SOURCE)`. */
export const READ_DATA_SOURCE = 'read';

const TIMESTAMP_WITHOUT_TZ_OID = 1114;
let driverConfigured = false;

/**
 * The seeds use `TIMESTAMP` (without time zone). We store UTC in it: sessions run in UTC, Dates are
 * sent as UTC, and read back as UTC, whatever the host's TZ is.
 */
function configurePgDriver(): void {
  if (driverConfigured) return;
  driverConfigured = true;
  pg.types.setTypeParser(TIMESTAMP_WITHOUT_TZ_OID, (value: string) => new Date(`${value.replace(' ', 'T')}Z`));
  pg.defaults.parseInputDatesAsUTC = true;
}

/**
 * The one DataSource definition, used by the app (both pools) and by the migration CLI.
 * `embedded` is the PGlite socket when DATABASE_URL is unset.
 */
/** The part of the environment the data layer reads. */
export type DatabaseSettings = Pick<
  Environment,
  | 'DATABASE_URL'
  | 'DB_READ_POOL_MIN'
  | 'DB_READ_POOL_MAX'
  | 'DB_WRITE_POOL_MIN'
  | 'DB_WRITE_POOL_MAX'
  | 'DB_STATEMENT_TIMEOUT_MS'
  | 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'
  | 'DB_CONNECT_TIMEOUT_MS'
>;

export function dataSourceOptions(
  env: DatabaseSettings,
  role: PoolRole,
  embedded?: SocketEndpoint,
): PostgresDataSourceOptions & { extra: { min: number } } {
  configurePgDriver();
  const max = role === 'write' ? env.DB_WRITE_POOL_MAX : env.DB_READ_POOL_MAX;
  const min = role === 'write' ? env.DB_WRITE_POOL_MIN : env.DB_READ_POOL_MIN;
  const connection = embedded
    ? { host: embedded.host, port: embedded.port, username: 'postgres', database: 'postgres' }
    : { url: env.DATABASE_URL };
  // PGlite shares one session among all socket connections and cannot cancel a statement, so
  // per-connection settings are only sent to a real server.
  const serverSettings = embedded
    ? {}
    : {
        options: '-c TimeZone=UTC',
        statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
        idle_in_transaction_session_timeout: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      };
  return {
    type: 'postgres',
    ...connection,
    applicationName: `botfleet-${role}`,
    entities: ENTITIES,
    migrations: role === 'write' ? MIGRATIONS : [],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logger: new SafeTypeOrmLogger(),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: 1_000,
    poolSize: max,
    connectTimeoutMS: env.DB_CONNECT_TIMEOUT_MS,
    extra: { min, idleTimeoutMillis: 30_000, ...serverSettings },
  };
}

export function createDataSource(env: DatabaseSettings, role: PoolRole, embedded?: SocketEndpoint): DataSource {
  return new DataSource(dataSourceOptions(env, role, embedded));
}

/** The pool behind a data source, for warming and for pool metrics. */
export function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

/** Opens `min` connections now, so the first requests after boot don't pay for connecting. */
export async function warmPool(dataSource: DataSource, min: number): Promise<void> {
  const pool = poolOf(dataSource);
  const clients = await Promise.all(Array.from({ length: min }, () => pool.connect()));
  for (const client of clients) client.release();
}

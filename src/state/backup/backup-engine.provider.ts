import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DatabaseHost } from '../embedded/database-host.module.js';
import { type BackupEngine, PgDumpEngine, PgliteDataDirEngine } from './backup-engines.js';

/** Injection token of the BackupEngine: pg_dump on PostgreSQL, the data folder on PGlite. */
export const BACKUP_ENGINE = Symbol('BACKUP_ENGINE');

export const backupEngineProvider: Provider = {
  provide: BACKUP_ENGINE,
  inject: [AppConfig, DatabaseHost, getDataSourceToken()],
  useFactory: (config: AppConfig, host: DatabaseHost, writer: DataSource): BackupEngine =>
    host.embedded
      ? new PgliteDataDirEngine(host.embedded, (sql) => writer.query(sql))
      : new PgDumpEngine(config.get('DATABASE_URL') as string, config.get('BACKUP_PG_BIN_DIR')),
};

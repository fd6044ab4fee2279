import { Logger, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AppConfig } from '../core/config/app-config.service.js';
import { DatabaseLifecycle } from './database-lifecycle.service.js';
import { DatabaseProbe } from './database.probe.js';
import { dataSourceOptions, type PoolRole, READ_DATA_SOURCE, warmPool } from './data-source.js';
import { DatabaseHost, DatabaseHostModule } from './embedded/database-host.module.js';
import { ENTITIES } from './entities/index.js';
import { assertServerVersion, runMigrations } from './migration-runner.js';
import { AttemptLeaseRepository } from './repositories/attempt-lease.repository.js';
import { AttemptOutcomeRepository } from './repositories/attempt-outcome.repository.js';
import { ModuleBreakerRepository } from './repositories/module-breaker.repository.js';
import { ModuleRegistryRepository } from './repositories/module-registry.repository.js';
import { RobotIntakeRepository } from './repositories/robot-intake.repository.js';
import { RobotReadsRepository } from './repositories/robot-reads.repository.js';
import { RobotTransitionsRepository } from './repositories/robot-transitions.repository.js';
import { JobRunsRepository } from './repositories/job-runs.repository.js';
import { JobRunner } from './job-runner.service.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { InProcessEventBridge } from './events/in-process-event-bridge.js';
import { PgListener } from './pg-listener.service.js';
import { OutboxRepository } from './repositories/outbox.repository.js';
import { RetentionRepository } from './repositories/retention.repository.js';
import { ApiKeysRepository } from './repositories/api-keys.repository.js';
import { SecurityAuditRepository } from './repositories/security-audit.repository.js';
import { FleetMetricsRepository } from './repositories/fleet-metrics.repository.js';
import { MonitoringAlertsRepository } from './repositories/monitoring-alerts.repository.js';
import { DatabaseBreakerGuard } from './database-breaker.guard.js';
import { PreparedQueries } from './prepared-queries.js';
import { InvoiceTemplatesRepository } from './repositories/invoice-templates.repository.js';
import { OcrDocumentReviewsRepository } from './repositories/ocr-document-reviews.repository.js';
import { ReviewItemsRepository } from './repositories/review-items.repository.js';
import { BackupLogRepository } from './repositories/backup-log.repository.js';
import { ForecastRepository } from './repositories/forecast.repository.js';
import { BACKUP_ENGINE, backupEngineProvider } from './backup/backup-engine.provider.js';

const logger = new Logger('StateModule');

export const DATABASE_SETTINGS = [
  'DATABASE_URL',
  'DB_READ_POOL_MIN',
  'DB_READ_POOL_MAX',
  'DB_WRITE_POOL_MIN',
  'DB_WRITE_POOL_MAX',
  'DB_STATEMENT_TIMEOUT_MS',
  'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
  'DB_CONNECT_TIMEOUT_MS',
] as const;

/** Options plus our own flag: migrations run under an advisory lock, not by TypeORM's `migrationsRun`. */
type BootOptions = ReturnType<typeof dataSourceOptions> & { retryAttempts: number; runMigrationsAtBoot: boolean };

function dataSourceModule(role: PoolRole) {
  return TypeOrmModule.forRootAsync({
    name: role === 'write' ? undefined : READ_DATA_SOURCE,
    imports: [DatabaseHostModule],
    inject: [AppConfig, DatabaseHost],
    useFactory: (config: AppConfig, host: DatabaseHost): BootOptions => {
      const options = dataSourceOptions(config.pick(...DATABASE_SETTINGS), role, host.embeddedEndpoint);
      // Fail boot at once with the real reason instead of retrying for half a minute.
      return { ...options, retryAttempts: 1, runMigrationsAtBoot: role === 'write' && config.get('DB_MIGRATIONS_RUN') };
    },
    dataSourceFactory: async (options?: DataSourceOptions) => {
      const { runMigrationsAtBoot, retryAttempts: _retry, ...rest } = options as BootOptions;
      const dataSource = await new DataSource(rest).initialize();
      await warmPool(dataSource, rest.extra.min);
      if (role === 'write') await assertServerVersion(dataSource);
      if (runMigrationsAtBoot) {
        const applied = await runMigrations(dataSource);
        if (applied.length > 0) logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
      }
      return dataSource;
    },
  });
}

/** Persistence [StateManager]: PGlite or PostgreSQL, read and write pools, entities, repositories. */
@Module({
  imports: [
    DiscoveryModule,
    DatabaseHostModule,
    dataSourceModule('write'),
    dataSourceModule('read'),
    TypeOrmModule.forFeature(ENTITIES),
    TypeOrmModule.forFeature(ENTITIES, READ_DATA_SOURCE),
  ],
  providers: [
    DatabaseLifecycle,
    DatabaseProbe,
    ModuleRegistryRepository,
    ModuleBreakerRepository,
    AttemptLeaseRepository,
    AttemptOutcomeRepository,
    RobotIntakeRepository,
    RobotReadsRepository,
    RobotTransitionsRepository,
    JobRunsRepository,
    JobRunner,
    OutboxRepository,
    OutboxRelay,
    InProcessEventBridge,
    RetentionRepository,
    PgListener,
    ApiKeysRepository,
    SecurityAuditRepository,
    FleetMetricsRepository,
    MonitoringAlertsRepository,
    InvoiceTemplatesRepository,
    ReviewItemsRepository,
    OcrDocumentReviewsRepository,
    DatabaseBreakerGuard,
    BackupLogRepository,
    ForecastRepository,
    backupEngineProvider,
    {
      provide: PreparedQueries,
      inject: [getDataSourceToken(), DatabaseHost],
      useFactory: (writer: DataSource, host: DatabaseHost) => new PreparedQueries(writer, !host.embedded),
    },
  ],
  exports: [
    DatabaseProbe,
    ModuleRegistryRepository,
    ModuleBreakerRepository,
    AttemptLeaseRepository,
    AttemptOutcomeRepository,
    RobotIntakeRepository,
    RobotReadsRepository,
    RobotTransitionsRepository,
    JobRunner,
    OutboxRepository,
    OutboxRelay,
    RetentionRepository,
    PgListener,
    ApiKeysRepository,
    SecurityAuditRepository,
    FleetMetricsRepository,
    MonitoringAlertsRepository,
    InvoiceTemplatesRepository,
    ReviewItemsRepository,
    OcrDocumentReviewsRepository,
    // One instance: the global guard (DatabaseBreakerModule) and /metrics read the same breaker.
    DatabaseBreakerGuard,
    PreparedQueries,
    BackupLogRepository,
    ForecastRepository,
    BACKUP_ENGINE,
  ],
})
export class StateModule {}

import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { EmbeddedPostgres, type SocketEndpoint } from './embedded-postgres.js';

/**
 * Starts the embedded PGlite server when DATABASE_URL is unset. Its own module so both data
 * sources' factories can inject it; it is stopped by `DatabaseLifecycle`, after the pools close.
 */
@Injectable()
export class DatabaseHost {
  private readonly logger = new Logger(DatabaseHost.name);

  constructor(@Inject(EmbeddedPostgres) readonly embedded: EmbeddedPostgres | null) {}

  /** The socket to reach PGlite on, or undefined when DATABASE_URL points at a real server. */
  get embeddedEndpoint(): SocketEndpoint | undefined {
    return this.embedded?.endpoint;
  }

  async stop(): Promise<void> {
    if (!this.embedded) return;
    await this.embedded.stop();
    this.logger.log('Embedded PostgreSQL stopped');
  }
}

@Module({
  providers: [
    {
      provide: EmbeddedPostgres,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<EmbeddedPostgres | null> => {
        if (!config.isEmbeddedDatabase) return null;
        const logger = new Logger(DatabaseHost.name);
        const started = Date.now();
        const embedded = await EmbeddedPostgres.start(
          config.get('DATA_DIR'),
          config.get('DB_READ_POOL_MAX') + config.get('DB_WRITE_POOL_MAX'),
        );
        logger.log(
          `Embedded PostgreSQL (PGlite) ready in ${Date.now() - started} ms, data in ${config.get('DATA_DIR')}`,
        );
        return embedded;
      },
    },
    DatabaseHost,
  ],
  exports: [DatabaseHost],
})
export class DatabaseHostModule {}

import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from './data-source.js';
import { DatabaseHost } from './embedded/database-host.module.js';

/**
 * Closes the pools, then the embedded server, in that order. Nest runs modules' shutdown hooks
 * in an order we don't control, so one hook does both. Runs after the HTTP server has drained.
 */
@Injectable()
export class DatabaseLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseLifecycle.name);

  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
    private readonly host: DatabaseHost,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    for (const dataSource of [this.reader, this.writer]) {
      if (dataSource.isInitialized) await dataSource.destroy().catch((e: Error) => this.logger.warn(e.message));
    }
    await this.host.stop();
  }
}

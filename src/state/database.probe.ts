import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { poolOf, READ_DATA_SOURCE } from './data-source.js';
import { DatabaseHost } from './embedded/database-host.module.js';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** Liveness and pool figures of the database, for health checks and metrics. */
@Injectable()
export class DatabaseProbe {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
    private readonly host: DatabaseHost,
  ) {}

  get engine(): 'pglite' | 'postgresql' {
    return this.host.embedded ? 'pglite' : 'postgresql';
  }

  /** One round trip on each pool: both must answer for the service to be ready. */
  async ping(): Promise<void> {
    await Promise.all([this.writer.query('SELECT 1'), this.reader.query('SELECT 1')]);
  }

  pools(): { write: PoolStats; read: PoolStats } {
    const stats = (ds: DataSource): PoolStats => {
      const pool = poolOf(ds);
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max };
    };
    return { write: stats(this.writer), read: stats(this.reader) };
  }
}

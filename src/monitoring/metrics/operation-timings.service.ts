import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AfterQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import { CacheService } from '../../cache/cache.service.js';
import { READ_DATA_SOURCE } from '../../state/data-source.js';
import { PreparedQueries } from '../../state/prepared-queries.js';
import { Operation } from './operations.js';
import { PerformanceTracker } from './performance-tracker.service.js';

/**
 * Feeds the seeds' "database query" and "cache operation" into the PerformanceTracker: TypeORM's
 * afterQuery event on both pools (its timing is whole milliseconds), the prepared hot statements
 * and every cache get, set and delete.
 */
@Injectable()
export class OperationTimings implements OnModuleInit {
  constructor(
    private readonly tracker: PerformanceTracker,
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
    private readonly prepared: PreparedQueries,
    private readonly cache: CacheService,
  ) {}

  onModuleInit(): void {
    const tracker = this.tracker;
    const subscriber: EntitySubscriberInterface = {
      afterQuery(event: AfterQueryEvent) {
        tracker.record(Operation.DatabaseQuery, event.executionTime ?? 0, event.success);
      },
    };
    for (const source of new Set([this.writer, this.reader])) source.subscribers.push(subscriber);
    this.prepared.observe((ms, ok) => tracker.record(Operation.DatabaseQuery, ms, ok));
    this.cache.observe((ms, ok) => tracker.record(Operation.CacheOperation, ms, ok));
  }
}

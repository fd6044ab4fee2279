import { type Keyed, keysetAt } from './keyset.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';
import type { ExecutionRow, RobotEventRow, RobotFilter, RobotRow } from './robot-rows.js';
import {} from '../../core/events/event-catalogue.js';

/** Robots, their attempts and their events as they are: read pool, except the idempotency look-ups. */
@Injectable()
export class RobotReadsRepository {
  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
  ) {}

  /** The robots holding these idempotency keys, from the write pool (see findByCacheKey). */
  async findByCacheKeys(cacheKeys: string[]): Promise<RobotRow[]> {
    return this.writer.query(`SELECT * FROM robots WHERE cache_key = ANY($1::text[])`, [cacheKeys]);
  }

  async findById(robotId: string): Promise<RobotRow | null> {
    const rows: RobotRow[] = await this.reader.query(`SELECT * FROM robots WHERE robot_id = $1`, [robotId]);
    return rows[0] ?? null;
  }

  /** Reads from the write pool: an idempotent replay must see the row its first call committed. */
  async findByCacheKey(cacheKey: string): Promise<RobotRow | null> {
    const rows: RobotRow[] = await this.writer.query(`SELECT * FROM robots WHERE cache_key = $1`, [cacheKey]);
    return rows[0] ?? null;
  }

  list(filter: RobotFilter): Promise<Array<RobotRow & Keyed>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.status) add('status = ?', filter.status);
    if (filter.robotType) add('robot_type = ?', filter.robotType);
    if (filter.moduleName) add('module_name = ?', filter.moduleName);
    if (filter.correlationId) add('correlation_id = ?', filter.correlationId);
    if (filter.createdFrom) add('created_at >= ?', filter.createdFrom);
    if (filter.createdTo) add('created_at < ?', filter.createdTo);
    if (filter.after) {
      params.push(filter.after.createdAt, filter.after.robotId);
      where.push(`(created_at, robot_id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(filter.limit);
    return this.reader.query(
      `SELECT *, ${keysetAt('created_at')} FROM robots ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, robot_id DESC LIMIT $${params.length}`,
      params,
    );
  }

  history(robotId: string): Promise<ExecutionRow[]> {
    return this.reader.query(`SELECT * FROM robot_execute WHERE robot_id = $1 ORDER BY started_at, execute_id`, [
      robotId,
    ]);
  }

  events(robotId: string): Promise<RobotEventRow[]> {
    return this.reader.query(
      `SELECT event_id, event_type, payload, created_at FROM events WHERE robot_id = $1 ORDER BY event_id`,
      [robotId],
    );
  }
}

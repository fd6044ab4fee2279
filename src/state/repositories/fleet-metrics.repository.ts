import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { poolOf, READ_DATA_SOURCE } from '../data-source.js';

export interface FleetSnapshot {
  robots: { status: string; robot_type: string; count: number }[];
  active_executions: number;
  queue_depth: number;
  /** Null when no robot is pending. */
  oldest_pending_seconds: number | null;
  modules: { module: string; health: string; score: number; utilization: number; breaker: string }[];
  outbox_backlog: number;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** The relay's consumer name (OutboxRelay): its cursor marks what has been published. */
const RELAY_CONSUMER = 'in-process';

/**
 * The figures /metrics reports about the fleet, in one round trip so a scrape costs one query.
 * Reads go to the read pool: a scrape must not take a write connection from the API.
 */
@Injectable()
export class FleetMetricsRepository {
  constructor(
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
    @InjectDataSource() private readonly writer: DataSource,
  ) {}

  async snapshot(): Promise<FleetSnapshot> {
    const rows: FleetSnapshot[] = await this.reader.query(
      `SELECT
         (SELECT coalesce(json_agg(r), '[]'::json) FROM (
            SELECT status::text AS status, robot_type, count(*)::int AS count FROM robots GROUP BY 1, 2) r) AS robots,
         (SELECT count(*)::int FROM robot_execute WHERE execution_state = 'RUNNING') AS active_executions,
         (SELECT count(*)::int FROM robots
           WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= localtimestamp) AS queue_depth,
         (SELECT extract(epoch FROM localtimestamp - min(created_at))::float8 FROM robots
           WHERE status = 'PENDING') AS oldest_pending_seconds,
         (SELECT coalesce(json_agg(m), '[]'::json) FROM (
            SELECT module_name AS module, health_status::text AS health,
                   coalesce(performance_score, 0)::float8 AS score,
                   coalesce(capacity_utilization, 0)::float8 AS utilization, breaker_state AS breaker
              FROM module_registry WHERE is_active) m) AS modules,
         (SELECT count(*)::int FROM robot_events e
            LEFT JOIN outbox_cursors c ON c.consumer = $1
           WHERE c.consumer IS NULL OR (e.tx_id, e.event_id) > (c.last_tx_id, c.last_event_id)) AS outbox_backlog`,
      [RELAY_CONSUMER],
    );
    return rows[0];
  }

  /** Connection counts of the two pools, from memory (no query). */
  pools(): { read: PoolStats; write: PoolStats } {
    return { read: statsOf(this.reader), write: statsOf(this.writer) };
  }
}

function statsOf(dataSource: DataSource): PoolStats {
  const pool = poolOf(dataSource);
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

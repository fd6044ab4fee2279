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
  parked_events: number;
}

/** What the dashboard reads from the database beyond the fleet snapshot: modules and the last hour. */
export interface DashboardFigures {
  modules: {
    module_name: string;
    module_version: string;
    health_status: string;
    performance_score: number | null;
    performance_tier: string | null;
    capacity_utilization: number | null;
    breaker_state: string;
    consecutive_failures: number;
    last_health_check: Date | null;
    last_error_message: string | null;
  }[];
  /** Per minute of the last hour (only minutes with activity): robots created, completed, failed. */
  last_hour: { minute: string; robots_created: number; robots_completed: number; robots_failed: number }[];
  /** Robots that failed in the last hour, by error category. */
  failures_by_category: Record<string, number>;
  /** PENDING robots of types no registered module (active or not) declares: they wait for nothing. */
  unroutable_robot_types: { robot_type: string; pending: number; oldest_created_at: string }[];
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** Finished robots are recounted in full at most this often (snapshot()). */
export const FINISHED_RECOUNT_MS = 60_000;

/** Seconds the oldest PENDING robot has waited (NULL when none). */
const OLDEST_PENDING = `(SELECT extract(epoch FROM localtimestamp - min(created_at))::float8 FROM robots
  WHERE status = 'PENDING')`;
/** The active modules' health, score, utilisation and breaker, as a JSON array. */
const ACTIVE_MODULES = `(SELECT coalesce(json_agg(m), '[]'::json) FROM (
  SELECT module_name AS module, health_status::text AS health, coalesce(performance_score, 0)::float8 AS score,
         coalesce(capacity_utilization, 0)::float8 AS utilization, breaker_state AS breaker
    FROM module_registry WHERE is_active) m)`;

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

  /**
   * The fleet figures. Open robots are counted exactly on each call (a partial index holds only
   * them); finished ones (COMPLETED, FAILED, CANCELLED) only grow, and counting them reads the
   * whole history (0.34 s at 1,000,000 robots), so they are counted in full at most once a
   * FINISHED_RECOUNT_MS, plus the robots finished since (idx_robots_completed) on every call in between.
   */
  async snapshot(): Promise<FleetSnapshot> {
    const [open, finished] = await Promise.all([this.openSnapshot(), this.finishedCounts()]);
    return { ...open, robots: [...open.robots, ...finished] };
  }

  private finished?: { at: number; mark: string; counts: Map<string, FleetSnapshot['robots'][number]> };

  private async finishedCounts(): Promise<FleetSnapshot['robots']> {
    const full = !this.finished || Date.now() - this.finished.at >= FINISHED_RECOUNT_MS;
    const rows: Array<{ status: string; robot_type: string; count: number; mark: string | null }> =
      await this.reader.query(
        `SELECT status::text AS status, robot_type, count(*)::int AS count,
              to_char(max(completed_at), 'YYYY-MM-DD"T"HH24:MI:SS.US') AS mark
         FROM robots WHERE status IN ('COMPLETED', 'FAILED', 'CANCELLED') ${full ? '' : 'AND completed_at > $1'}
        GROUP BY 1, 2`,
        full ? [] : [this.finished!.mark],
      );
    const state = full
      ? { at: Date.now(), mark: '-infinity', counts: new Map<string, FleetSnapshot['robots'][number]>() }
      : this.finished!;
    for (const row of rows) {
      const key = `${row.status}\u0000${row.robot_type}`;
      const known = state.counts.get(key);
      state.counts.set(key, { status: row.status, robot_type: row.robot_type, count: (known?.count ?? 0) + row.count });
      if (row.mark && row.mark > state.mark) state.mark = row.mark;
    }
    this.finished = state;
    return [...state.counts.values()];
  }

  private async openSnapshot(): Promise<FleetSnapshot> {
    const rows: FleetSnapshot[] = await this.reader.query(
      `SELECT
         (SELECT coalesce(json_agg(r), '[]'::json) FROM (
            SELECT status::text AS status, robot_type, count(*)::int AS count FROM robots
             WHERE status IN ('PENDING', 'PROCESSING', 'RETRYING') GROUP BY 1, 2) r) AS robots,
         (SELECT count(*)::int FROM robot_execute WHERE execution_state = 'RUNNING') AS active_executions,
         (SELECT count(*)::int FROM robots
           WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= localtimestamp) AS queue_depth,
         ${OLDEST_PENDING} AS oldest_pending_seconds,
         ${ACTIVE_MODULES} AS modules,
         -- Behind the slowest consumer: what some consumer has still to handle. A range scan of
         -- idx_events_relay from that cursor (an OR with "no consumer yet" made it a scan of the
         -- whole table: 0.5 s at 3,000,000 events).
         (SELECT CASE WHEN c.last_tx_id IS NULL THEN (SELECT count(*)::int FROM events)
                      ELSE (SELECT count(*)::int FROM events e WHERE (e.tx_id, e.event_id) > (c.last_tx_id, c.last_event_id))
                 END
            FROM (SELECT 1) one
            LEFT JOIN LATERAL (SELECT last_tx_id, last_event_id FROM event_consumers
                                ORDER BY last_tx_id, last_event_id LIMIT 1) c ON true) AS outbox_backlog,
         (SELECT count(*)::int FROM parked_events) AS parked_events`,
    );
    return rows[0];
  }

  /**
   * What the fleet alert rules need, without the per-status robot counts of `snapshot()` (those
   * read the whole robots table): the oldest PENDING robot and the active modules' state.
   */
  async alertFigures(): Promise<Pick<FleetSnapshot, 'oldest_pending_seconds' | 'modules'>> {
    const rows: Array<Pick<FleetSnapshot, 'oldest_pending_seconds' | 'modules'>> = await this.reader.query(
      `SELECT
         ${OLDEST_PENDING} AS oldest_pending_seconds,
         ${ACTIVE_MODULES} AS modules`,
    );
    return rows[0];
  }

  /**
   * Modules, the last hour's activity and the unroutable types, in one round trip on the read pool.
   * The per-minute counts read `robots` by creation and completion time; the dashboard caches the
   * answer for 30 s.
   */
  async dashboard(): Promise<DashboardFigures> {
    const rows: DashboardFigures[] = await this.reader.query(
      `WITH since AS (SELECT date_trunc('minute', localtimestamp) - interval '59 minutes' AS at),
       created AS (
         SELECT date_trunc('minute', created_at) AS minute, count(*)::int AS n
           FROM robots, since WHERE created_at >= since.at GROUP BY 1
       ), finished AS (
         SELECT date_trunc('minute', completed_at) AS minute,
                count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
                count(*) FILTER (WHERE status = 'FAILED')::int AS failed
           FROM robots, since WHERE completed_at >= since.at AND status IN ('COMPLETED', 'FAILED') GROUP BY 1
       )
       SELECT
         (SELECT coalesce(json_agg(m ORDER BY m.module_name), '[]'::json) FROM (
            SELECT module_name, module_version, health_status::text AS health_status,
                   performance_score::float8 AS performance_score, performance_tier::text AS performance_tier,
                   capacity_utilization::float8 AS capacity_utilization, breaker_state, consecutive_failures,
                   last_health_check, last_error_message
              FROM module_registry WHERE is_active) m) AS modules,
         (SELECT coalesce(json_agg(json_build_object(
                   'minute', to_char(minute, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                   'robots_created', coalesce(c.n, 0),
                   'robots_completed', coalesce(f.completed, 0),
                   'robots_failed', coalesce(f.failed, 0)) ORDER BY minute), '[]'::json)
            FROM created c FULL JOIN finished f USING (minute)) AS last_hour,
         (SELECT coalesce(json_object_agg(category, n), '{}'::json) FROM (
            SELECT coalesce(error_category, 'UNCATEGORIZED') AS category, count(*)::int AS n
              FROM robots, since WHERE status = 'FAILED' AND completed_at >= since.at GROUP BY 1) e) AS failures_by_category,
         (SELECT coalesce(json_agg(u ORDER BY u.pending DESC, u.robot_type), '[]'::json) FROM (
            SELECT r.robot_type, count(*)::int AS pending,
                   to_char(min(r.created_at), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS oldest_created_at
              FROM robots r
             WHERE r.status = 'PENDING'
               AND NOT EXISTS (SELECT 1 FROM module_registry m WHERE r.robot_type = ANY(m.supported_robot_types))
             GROUP BY r.robot_type) u) AS unroutable_robot_types`,
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';

const OPEN = `('PENDING', 'RETRYING', 'PROCESSING')`;
const QUEUED = `('PENDING', 'RETRYING')`;

export interface QueueRow {
  robot_type: string;
  queued: number;
  processing: number;
  oldest_queued_seconds: number | null;
}

export interface ArrivalRow {
  robot_type: string;
  last_15_minutes: number;
  last_hour: number;
}

export interface HourlyRow {
  robot_type: string;
  hour: number;
  count: number;
}

/** Completed attempts of one robot type on one module over the last hour. */
export interface ProcessingRow {
  module_name: string;
  robot_type: string;
  completed_last_hour: number;
  mean_ms: number | null;
  p50_ms: number | null;
  p90_ms: number | null;
  /** Completions within the recent window, and the seconds from the first of them to now. */
  recent_completed: number;
  recent_span_seconds: number | null;
}

export interface ModuleRow {
  module_name: string;
  supported_robot_types: string[];
  /** Active, not UNHEALTHY, breaker not OPEN: routing may give it work. */
  eligible: boolean;
  slots: number;
  running: number;
  /** The module's own average over every type (module_registry), when it has no history of a type. */
  avg_processing_time_ms: number | null;
}

/** An open robot with a deadline that has not yet been flagged at risk, with its place in its type's queue. */
export interface DeadlineRow {
  robot_id: string;
  robot_type: string;
  module_name: string | null;
  status: string;
  deadline_at: Date;
  started_at: Date | null;
  next_attempt_at: Date;
  /** Queued robots of its type claimed before it (priority, then age); null while PROCESSING. */
  ahead: number | null;
}

export interface AtRisk {
  robot_id: string;
  /** Null when nothing will take it (no eligible module, no throughput). */
  estimated_completion: Date | null;
  queue_position: number | null;
}

/** What forecasts and SLA risk read, on the read pool; and the one write, flagging robots at risk. */
@Injectable()
export class ForecastRepository {
  constructor(
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
    @InjectDataSource() private readonly writer: DataSource,
  ) {}

  queues(): Promise<QueueRow[]> {
    return this.reader.query(
      `SELECT robot_type,
              count(*) FILTER (WHERE status IN ${QUEUED})::int AS queued,
              count(*) FILTER (WHERE status = 'PROCESSING')::int AS processing,
              extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ${QUEUED}))::float8 AS oldest_queued_seconds
         FROM robots WHERE status IN ${OPEN} GROUP BY robot_type`,
    );
  }

  /** Robots created per type in the last 15 minutes and the last hour (idx_robots_created: the last hour's rows only). */
  arrivals(): Promise<ArrivalRow[]> {
    return this.reader.query(
      `SELECT robot_type, count(*) FILTER (WHERE created_at > now() - interval '15 minutes')::int AS last_15_minutes,
              count(*)::int AS last_hour
         FROM robots WHERE created_at > now() - interval '1 hour' GROUP BY robot_type`,
    );
  }

  /** Robots created per type and UTC hour of day over the last `days` days: a week of rows, so callers cache it. */
  hourlyProfile(days: number): Promise<HourlyRow[]> {
    return this.reader.query(
      `SELECT robot_type, extract(hour FROM created_at)::int AS hour, count(*)::int AS count
         FROM robots WHERE created_at > now() - make_interval(days => $1) GROUP BY robot_type, hour`,
      [days],
    );
  }

  /** The oldest robot's age in days, at most `days`: how much of the by-hour history is real. */
  async daysObserved(days: number): Promise<number> {
    const rows: Array<{ days: number | null }> = await this.reader.query(
      `SELECT extract(epoch FROM now() - min(created_at))::float8 / 86400 AS days FROM robots
        WHERE created_at > now() - make_interval(days => $1)`,
      [days],
    );
    return Math.min(days, Math.floor(rows[0]?.days ?? 0));
  }

  processing(recentSeconds: number): Promise<ProcessingRow[]> {
    return this.reader.query(
      `SELECT e.module_name, r.robot_type, count(*)::int AS completed_last_hour,
              avg(e.duration_ms)::float8 AS mean_ms,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY e.duration_ms)::float8 AS p50_ms,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY e.duration_ms)::float8 AS p90_ms,
              count(*) FILTER (WHERE e.completed_at > now() - make_interval(secs => $1))::int AS recent_completed,
              extract(epoch FROM now() - min(e.completed_at)
                FILTER (WHERE e.completed_at > now() - make_interval(secs => $1)))::float8 AS recent_span_seconds
         FROM robot_execute e JOIN robots r ON r.robot_id = e.robot_id
        WHERE e.execution_state = 'COMPLETED' AND e.completed_at > now() - interval '1 hour'
        GROUP BY e.module_name, r.robot_type`,
      [recentSeconds],
    );
  }

  modules(): Promise<ModuleRow[]> {
    return this.reader.query(
      `SELECT m.module_name, m.supported_robot_types,
              (m.is_active AND m.health_status <> 'UNHEALTHY' AND m.breaker_state <> 'OPEN') AS eligible,
              m.max_concurrent_robots AS slots, m.avg_processing_time_ms,
              (SELECT count(*)::int FROM robot_execute e WHERE e.module_name = m.module_name
                  AND e.execution_state = 'RUNNING') AS running
         FROM module_registry m WHERE m.is_active ORDER BY m.module_name`,
    );
  }

  /** Open robots with a deadline, not yet flagged, with their place in the queue (at most `limit`, soonest deadline first). */
  deadlines(limit: number): Promise<DeadlineRow[]> {
    return this.reader.query(
      `WITH queued AS (
         SELECT robot_id, (row_number() OVER (PARTITION BY robot_type ORDER BY priority DESC, created_at) - 1)::int AS ahead
           FROM robots WHERE status IN ${QUEUED}
            AND robot_type IN (SELECT DISTINCT robot_type FROM robots
                                WHERE deadline_at IS NOT NULL AND sla_at_risk_at IS NULL AND status IN ${QUEUED}))
       SELECT r.robot_id, r.robot_type, r.module_name, r.status::text AS status, r.deadline_at, r.started_at,
              r.next_attempt_at, q.ahead
         FROM robots r LEFT JOIN queued q ON q.robot_id = r.robot_id
        WHERE r.deadline_at IS NOT NULL AND r.sla_at_risk_at IS NULL AND r.status IN ${OPEN}
        ORDER BY r.deadline_at LIMIT $1`,
      [limit],
    );
  }

  /**
   * Flags robots at risk and writes one `robot.sla_at_risk` event each, in one statement: a robot
   * still open and not yet flagged is flagged once, whichever instance asks. With `raise`, a
   * queued robot below HIGH priority is raised to HIGH.
   */
  async flag(
    atRisk: AtRisk[],
    marginSeconds: number,
    raise: boolean,
    event: { type: string; version: number },
  ): Promise<string[]> {
    if (atRisk.length === 0) return [];
    const rows: Array<{ robot_id: string }> = await this.writer.query(
      `WITH risk AS (
         SELECT * FROM unnest($1::text[], $2::timestamp[], $3::int[]) AS t(robot_id, eta, position)
       ), flagged AS (
         UPDATE robots r SET sla_at_risk_at = now(), updated_at = now(),
                priority = CASE WHEN $4 AND r.status IN ${QUEUED} AND r.priority < 'HIGH' THEN 'HIGH'::priority_enum
                                ELSE r.priority END
           FROM risk WHERE r.robot_id = risk.robot_id AND r.sla_at_risk_at IS NULL AND r.status IN ${OPEN}
         RETURNING r.robot_id, r.module_name, r.robot_type, r.deadline_at, r.priority, risk.eta, risk.position
       ), written AS (
         INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
         SELECT $5, $6, robot_id, module_name, jsonb_build_object(
                  'robot_type', robot_type,
                  'deadline', to_char(deadline_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'estimated_completion', to_char(eta, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'queue_position', position,
                  'margin_seconds', $7::int,
                  'priority', priority::text)
           FROM flagged
       )
       SELECT robot_id FROM flagged`,
      [
        atRisk.map((r) => r.robot_id),
        atRisk.map((r) => r.estimated_completion),
        atRisk.map((r) => r.queue_position),
        raise,
        event.type,
        event.version,
        marginSeconds,
      ],
    );
    return rows.map((r) => r.robot_id);
  }

  /** Open robots flagged at risk and open robots already past their deadline, per type; finished late in the last day. */
  slaFigures(): Promise<
    Array<{ robot_type: string; at_risk: number; past_deadline: number; finished_late_24h: number }>
  > {
    return this.reader.query(
      `SELECT robot_type,
              count(*) FILTER (WHERE status IN ${OPEN} AND sla_at_risk_at IS NOT NULL)::int AS at_risk,
              count(*) FILTER (WHERE status IN ${OPEN} AND deadline_at < now())::int AS past_deadline,
              count(*) FILTER (WHERE status = 'COMPLETED' AND completed_at > deadline_at
                                 AND completed_at > now() - interval '1 day')::int AS finished_late_24h
         FROM robots
        WHERE deadline_at IS NOT NULL AND (status IN ${OPEN} OR completed_at > now() - interval '1 day')
        GROUP BY robot_type`,
    );
  }
}

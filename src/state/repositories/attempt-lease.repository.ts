import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app-config.service.js';
import { MicroBatcher } from '../../core/batching/micro-batcher.js';
import { inUniqueRounds } from '../../core/batching/unique-rounds.js';
import { READ_DATA_SOURCE } from '../data-source.js';
import { PreparedQueries } from '../prepared-queries.js';
import { writeBatching } from '../write-batching.js';
import { LOCK_ATTEMPTS } from './attempt-locks.js';
import type { ExecutionRow, ProgressReport, RobotRow } from './robot-rows.js';
import { eventSql, EventType } from '../../core/events/event-catalogue.js';

interface ProgressItem {
  executeId: string;
  leaseToken: string;
  leaseSeconds: number;
  report: ProgressReport;
  /** A module-bound caller may touch its module's attempts only. */
  boundModule: string | null;
  /** Reports merged into `report` (an in-process handler's steps, oldest first): one event each. */
  steps?: ProgressReport[];
}

/**
 * How attempts start and stay alive: a claim opens one under a lease, progress reports extend it,
 * and the sweep finds those whose lease ran out (AttemptOutcomeRepository ends them). Each change
 * writes its events to the `events` outbox in the same statement.
 */
@Injectable()
export class AttemptLeaseRepository {
  private readonly reports: MicroBatcher<ProgressItem, ExecutionRow | null>;

  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
    private readonly prepared: PreparedQueries,
    config: AppConfig,
  ) {
    this.reports = new MicroBatcher((items) => this.progressMany(items), writeBatching(config));
  }

  /**
   * Claims up to `max` claimable robots of a module (and no more than its free capacity), highest
   * priority then oldest first, under a lease. SKIP LOCKED lets concurrent workers claim disjoint sets without waiting on each other.
   */
  claim(moduleName: string, max: number, leaseSeconds: number): Promise<Array<RobotRow & { attempt: ExecutionRow }>> {
    return this.prepared.query(
      'robots_claim',
      `WITH running AS (
         SELECT count(*)::int AS n FROM robots WHERE module_name = $1 AND status = 'PROCESSING'
       ), free AS (
         -- The module's capacity bounds every claim (a soft bound: two claims at the same instant may
         -- both see the same free slots). A quarantined module (breaker OPEN) gets nothing; once its
         -- cool-down is over it gets one probe robot at a time (HALF_OPEN).
         SELECT greatest(0, CASE
                  WHEN m.breaker_state = 'OPEN' AND m.breaker_until > now() THEN 0
                  WHEN m.breaker_state <> 'CLOSED' THEN 1 - (SELECT n FROM running)
                  ELSE m.max_concurrent_robots - (SELECT n FROM running) END)::int AS slots
           FROM module_registry m WHERE m.module_name = $1
       ), probing AS (
         UPDATE module_registry SET breaker_state = 'HALF_OPEN', updated_at = now()
          WHERE module_name = $1 AND breaker_state = 'OPEN' AND breaker_until <= now()
       ), picked AS (
         SELECT robot_id FROM robots
          WHERE module_name = $1 AND status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now()
          ORDER BY priority DESC, created_at
          LIMIT least($2, (SELECT slots FROM free))
          FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE robots r SET status = 'PROCESSING', started_at = COALESCE(r.started_at, now()), updated_at = now()
           FROM picked WHERE r.robot_id = picked.robot_id
         RETURNING r.*
       ), attempt AS (
         -- The attempt's row is written when it starts, not when the robot is queued: creating a
         -- robot then costs one indexed row less (the dominant cost of intake at high rates).
         INSERT INTO robot_execute (execute_id, robot_id, module_name, execution_state, started_at, lease_token,
                                    lease_expires_at, retry_count, max_retries, timeout_seconds, last_retry_at)
         SELECT gen_random_uuid()::text, robot_id, module_name, 'RUNNING', now(), gen_random_uuid(),
                now() + make_interval(secs => $3), retry_count, retry_limit, timeout_seconds,
                CASE WHEN retry_count > 0 THEN now() END
           FROM claimed
         RETURNING *
       ), event AS (
         INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
         SELECT ${eventSql(EventType.RobotStarted)}, a.robot_id, a.module_name, jsonb_build_object('execute_id', a.execute_id) FROM attempt a
       )
       SELECT c.*, to_jsonb(a) AS attempt
         FROM claimed c JOIN attempt a ON a.robot_id = c.robot_id
        ORDER BY c.priority DESC, c.created_at`,
      [moduleName, max, leaseSeconds],
    );
  }

  /**
   * Records progress and extends the lease; null unless `leaseToken` holds the running attempt.
   * Concurrent reports share one statement and one commit (see RobotIntakeRepository.createBatched). `steps`: the
   * reports `report` merges, each recorded as its own robot.progress event.
   */
  progress(
    executeId: string,
    leaseToken: string,
    leaseSeconds: number,
    report: ProgressReport,
    boundModule: string | null = null,
    steps?: ProgressReport[],
  ): Promise<ExecutionRow | null> {
    return this.reports.submit({ executeId, leaseToken, leaseSeconds, report, boundModule, steps });
  }

  /** One UPDATE for many reports; an attempt reported twice in a batch is updated in turn, in order. */
  private progressMany(items: ProgressItem[]): Promise<Array<ExecutionRow | null>> {
    return inUniqueRounds(
      items,
      (item) => item.executeId,
      (round) => this.progressRound(round),
      (row) => row.execute_id,
    );
  }

  private progressRound(items: ProgressItem[]): Promise<ExecutionRow[]> {
    const column = (pick: (item: ProgressItem) => unknown) => items.map((item) => pick(item) ?? null);
    return this.prepared.query(
      'executions_progress',
      `WITH report AS (
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::int[], $4::text[], $5::step_category_enum[], $6::int[], $7::int[],
                              $8::int[], $9::jsonb[], $10::int[], $11::numeric[], $12::int[], $13::text[], $14::jsonb[])
           AS u(execute_id, lease_token, lease_seconds, current_step, step_category, progress_percentage, completed_steps,
                total_steps, step_details, step_duration_ms, cpu_usage_percent, memory_usage_mb, bound_module, steps)
       ), locked AS (
         -- The reported rows, fetched and locked one by one by primary key, in execute_id order
         -- (LOCK_ATTEMPTS); the lease is checked on the locked, latest version of each row.
         SELECT e.execute_id FROM ${LOCK_ATTEMPTS} JOIN report r USING (execute_id)
          WHERE e.lease_token = r.lease_token AND e.execution_state = 'RUNNING'
            AND (r.bound_module IS NULL OR e.module_name = r.bound_module)
       ), attempt AS (
         UPDATE robot_execute e SET
           current_step = COALESCE(r.current_step, e.current_step),
           step_category = COALESCE(r.step_category, e.step_category),
           progress_percentage = COALESCE(r.progress_percentage, e.progress_percentage),
           completed_steps = COALESCE(r.completed_steps, e.completed_steps),
           total_steps = COALESCE(r.total_steps, e.total_steps),
           step_details = COALESCE(r.step_details, e.step_details),
           step_duration_ms = COALESCE(r.step_duration_ms, e.step_duration_ms),
           cpu_usage_percent = COALESCE(r.cpu_usage_percent, e.cpu_usage_percent),
           memory_usage_mb = COALESCE(r.memory_usage_mb, e.memory_usage_mb),
           step_start_time = CASE WHEN r.current_step IS DISTINCT FROM e.current_step THEN now() ELSE e.step_start_time END,
           resource_peak_usage = jsonb_strip_nulls(jsonb_build_object(
             'max_cpu', GREATEST((e.resource_peak_usage->>'max_cpu')::numeric, r.cpu_usage_percent),
             'max_memory', GREATEST((e.resource_peak_usage->>'max_memory')::int, r.memory_usage_mb))),
           lease_expires_at = now() + make_interval(secs => r.lease_seconds)
         FROM report r JOIN locked l USING (execute_id)
         -- Locked and checked above: the primary key is the whole condition.
         WHERE e.execute_id = l.execute_id
         RETURNING e.*
       ), event AS (
         -- One event per report: a merged report's steps each keep theirs, in the order reported.
         INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
         SELECT ${eventSql(EventType.RobotProgress)}, a.robot_id, a.module_name,
                jsonb_build_object('execute_id', a.execute_id,
                  'progress_percentage', COALESCE((s.step->>'progress_percentage')::int, a.progress_percentage),
                  'current_step', COALESCE(s.step->>'current_step', a.current_step))
           FROM attempt a JOIN report r USING (execute_id)
           CROSS JOIN LATERAL jsonb_array_elements(COALESCE(r.steps, '[{}]'::jsonb)) WITH ORDINALITY AS s(step, n)
          ORDER BY a.execute_id, s.n
       )
       SELECT * FROM attempt`,
      [
        column((i) => i.executeId),
        column((i) => i.leaseToken),
        column((i) => i.leaseSeconds),
        column((i) => i.report.currentStep),
        column((i) => i.report.stepCategory),
        column((i) => i.report.progressPercentage),
        column((i) => i.report.completedSteps),
        column((i) => i.report.totalSteps),
        items.map((i) => (i.report.stepDetails === undefined ? null : JSON.stringify(i.report.stepDetails))),
        column((i) => i.report.stepDurationMs),
        column((i) => i.report.cpuUsagePercent),
        column((i) => i.report.memoryUsageMb),
        column((i) => i.boundModule),
        items.map((i) =>
          i.steps
            ? JSON.stringify(
                i.steps.map((step) => ({
                  progress_percentage: step.progressPercentage ?? null,
                  current_step: step.currentStep ?? null,
                })),
              )
            : null,
        ),
      ],
    );
  }

  /** Running attempts whose lease ran out, or that outlived their robot's timeout_seconds. */
  expiredAttempts(limit: number): Promise<Array<{ execute_id: string; lease_token: string; robot_type: string }>> {
    return this.writer.query(
      `SELECT e.execute_id, e.lease_token::text AS lease_token, r.robot_type
         FROM robot_execute e JOIN robots r ON r.robot_id = e.robot_id
        WHERE e.execution_state = 'RUNNING'
          AND (e.lease_expires_at < now() OR e.started_at + make_interval(secs => r.timeout_seconds) < now())
        ORDER BY e.lease_expires_at
        LIMIT $1`,
      [limit],
    );
  }

  /** The robot type an attempt works on, for routing a retry before its transaction starts. */
  async robotTypeOfExecution(executeId: string): Promise<string | null> {
    const rows: Array<{ robot_type: string }> = await this.reader.query(
      `SELECT r.robot_type FROM robot_execute e JOIN robots r ON r.robot_id = e.robot_id WHERE e.execute_id = $1`,
      [executeId],
    );
    return rows[0]?.robot_type ?? null;
  }
}

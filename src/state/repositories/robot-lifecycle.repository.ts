import { AppConfig } from '../../core/config/app-config.service.js';
import { MicroBatcher } from '../../core/batching/micro-batcher.js';
import { inUniqueRounds } from '../../core/batching/unique-rounds.js';
import { PreparedQueries } from '../prepared-queries.js';
import { LOCK_ATTEMPTS } from './attempt-locks.js';
import { type Keyed, keysetAt } from './keyset.js';
import { writeBatching } from '../write-batching.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';
import type { ExecutionState, Priority, RobotStatus, StepCategory } from '../entities/index.js';

/** A robots row as PostgreSQL returns it (snake_case, the API's field names). */
export interface RobotRow {
  robot_id: string;
  robot_type: string;
  status: RobotStatus;
  module_name: string | null;
  input_data: Record<string, unknown>;
  output_data: Record<string, unknown> | null;
  priority: Priority;
  cache_key: string | null;
  retry_count: number;
  retry_limit: number;
  error_details: Record<string, unknown> | null;
  error_category: string | null;
  last_error_at: Date | null;
  completeness_score: string | null;
  confidence_score: string | null;
  processing_time_ms: number | null;
  source_reference: string | null;
  correlation_id: string | null;
  routing_decision: Record<string, unknown> | null;
  next_attempt_at: Date;
  timeout_seconds: number;
  deadline_at: Date | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
}

export interface ExecutionRow {
  execute_id: string;
  robot_id: string;
  module_name: string;
  execution_state: ExecutionState;
  current_step: string | null;
  step_category: StepCategory | null;
  progress_percentage: number | null;
  total_steps: number | null;
  completed_steps: number | null;
  step_details: Record<string, unknown> | null;
  step_duration_ms: number | null;
  cpu_usage_percent: string | null;
  memory_usage_mb: number | null;
  started_at: Date;
  completed_at: Date | null;
  duration_ms: number | null;
  retry_count: number | null;
  timeout_seconds: number | null;
  error_message: string | null;
  lease_token: string | null;
  lease_expires_at: Date | null;
}

export interface NewRobotRow {
  idPrefix: string;
  robotType: string;
  moduleName: string | null;
  inputData: Record<string, unknown>;
  priority: Priority;
  cacheKey: string | null;
  correlationId: string | null;
  sourceReference: string | null;
  retryLimit: number;
  timeoutSeconds: number;
  deadlineAt: Date | null;
  routingDecision: unknown;
}

export interface RobotFilter {
  status?: RobotStatus;
  robotType?: string;
  moduleName?: string;
  correlationId?: string;
  createdFrom?: Date;
  createdTo?: Date;
  /** Keyset cursor: rows strictly older than (created_at, robot_id). */
  after?: { createdAt: string; robotId: string };
  limit: number;
}

export interface ProgressReport {
  currentStep?: string;
  stepCategory?: StepCategory;
  progressPercentage?: number;
  completedSteps?: number;
  totalSteps?: number;
  stepDetails?: Record<string, unknown>;
  stepDurationMs?: number;
  cpuUsagePercent?: number;
  memoryUsageMb?: number;
}

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

/** PostgreSQL channel on which new work is announced to every instance (payload: module name). */
export const WORK_CHANNEL = 'botfleet_work';

/**
 * The robot lifecycle in SQL. Each state change is one statement (data-modifying CTEs) or one
 * short transaction, and writes its event to the `robot_events` outbox in that same statement or
 * transaction, so an event exists if and only if the change committed.
 *
 * Inside a transaction nothing else is awaited: no read on the other pool, no cache, no routing.
 * On PGlite all connections share one session, and a transaction holds it until it ends, so a read
 * on another connection from inside it would wait forever.
 */
@Injectable()
export class RobotLifecycleRepository {
  private readonly intake: MicroBatcher<NewRobotRow, RobotRow>;
  private readonly reports: MicroBatcher<ProgressItem, ExecutionRow | null>;

  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    @InjectDataSource(READ_DATA_SOURCE) private readonly reader: DataSource,
    private readonly prepared: PreparedQueries,
    config: AppConfig,
  ) {
    this.intake = new MicroBatcher((robots) => this.createMany(robots, false), writeBatching(config));
    this.reports = new MicroBatcher((items) => this.progressMany(items), writeBatching(config));
  }

  /**
   * Inserts a robot without an idempotency key and its `robot.created` event. Concurrent calls
   * share one statement and one commit (group commit, see MicroBatcher): under load, intake costs
   * one round trip and one WAL flush per batch instead of per robot; alone, a call goes at once.
   */
  createBatched(robot: NewRobotRow): Promise<RobotRow> {
    return this.intake.submit(robot);
  }

  /**
   * Inserts a robot and its `robot.created` event in one statement. The id is
   * `{prefix}_{epoch ms}_{seq}` with a database sequence, unique across instances. A repeated
   * idempotency key inserts nothing and returns null.
   */
  async create(robot: NewRobotRow): Promise<RobotRow | null> {
    const rows: RobotRow[] = await this.writer.query(
      `WITH inserted AS (
         INSERT INTO robots (robot_id, robot_type, module_name, input_data, priority, cache_key, correlation_id,
                             source_reference, retry_limit, timeout_seconds, deadline_at, routing_decision)
         VALUES ($1 || '_' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint || '_' || nextval('robot_seq'),
                 $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (cache_key) WHERE cache_key IS NOT NULL DO NOTHING
         RETURNING *
       ), event AS (
         INSERT INTO robot_events (event_type, robot_id, module_name, payload)
         SELECT 'robot.created', robot_id, module_name,
                jsonb_build_object('robot_type', robot_type, 'priority', priority, 'assigned', module_name IS NOT NULL)
           FROM inserted
       )
       SELECT * FROM inserted`,
      [
        robot.idPrefix,
        robot.robotType,
        robot.moduleName,
        robot.inputData,
        robot.priority,
        robot.cacheKey,
        robot.correlationId,
        robot.sourceReference,
        robot.retryLimit,
        robot.timeoutSeconds,
        robot.deadlineAt,
        robot.routingDecision,
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * Inserts many robots, their first attempts and their events in one statement (one transaction):
   * all of them or none (a taken idempotency key fails the whole statement). Returned in input order.
   */
  async createMany(robots: NewRobotRow[], bulk = true): Promise<RobotRow[]> {
    const column = <K extends keyof NewRobotRow>(key: K) => robots.map((robot) => robot[key]);
    const rows = await this.prepared.query<RobotRow & { ord: string }>(
      'robots_create_many',
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::priority_enum[], $6::text[], $7::text[],
                              $8::int[], $9::int[], $10::timestamp[], $11::jsonb[], $12::text[])
           WITH ORDINALITY AS i(id_prefix, robot_type, module_name, input_data, priority, correlation_id, source_reference,
                                retry_limit, timeout_seconds, deadline_at, routing_decision, cache_key, ord)
       ), numbered AS (
         SELECT input.*, id_prefix || '_' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint || '_' || nextval('robot_seq') AS robot_id
           FROM input ORDER BY ord
       ), inserted AS (
         INSERT INTO robots (robot_id, robot_type, module_name, input_data, priority, correlation_id, source_reference,
                             retry_limit, timeout_seconds, deadline_at, routing_decision, cache_key)
         SELECT robot_id, robot_type, module_name, input_data, priority, correlation_id, source_reference,
                retry_limit, timeout_seconds, deadline_at, routing_decision, cache_key FROM numbered
         RETURNING *
       ), event AS (
         INSERT INTO robot_events (event_type, robot_id, module_name, payload)
         SELECT 'robot.created', robot_id, module_name,
                jsonb_build_object('robot_type', robot_type, 'priority', priority, 'assigned', module_name IS NOT NULL)
                  || CASE WHEN $13::boolean THEN '{"bulk": true}'::jsonb ELSE '{}'::jsonb END
           FROM inserted
       )
       SELECT inserted.*, numbered.ord
         FROM inserted JOIN numbered USING (robot_id) ORDER BY numbered.ord`,
      [
        column('idPrefix'),
        column('robotType'),
        column('moduleName'),
        robots.map((robot) => JSON.stringify(robot.inputData)),
        column('priority'),
        column('correlationId'),
        column('sourceReference'),
        column('retryLimit'),
        column('timeoutSeconds'),
        column('deadlineAt'),
        robots.map((robot) => JSON.stringify(robot.routingDecision)),
        column('cacheKey'),
        bulk,
      ],
    );
    return rows.map(({ ord: _ord, ...row }) => row as RobotRow);
  }

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

  events(
    robotId: string,
  ): Promise<Array<{ event_id: string; event_type: string; payload: Record<string, unknown>; created_at: Date }>> {
    return this.reader.query(
      `SELECT event_id, event_type, payload, created_at FROM robot_events WHERE robot_id = $1 ORDER BY event_id`,
      [robotId],
    );
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
         INSERT INTO robot_events (event_type, robot_id, module_name, payload)
         SELECT 'robot.started', a.robot_id, a.module_name, jsonb_build_object('execute_id', a.execute_id) FROM attempt a
       )
       SELECT c.*, to_jsonb(a) AS attempt
         FROM claimed c JOIN attempt a ON a.robot_id = c.robot_id
        ORDER BY c.priority DESC, c.created_at`,
      [moduleName, max, leaseSeconds],
    );
  }

  /**
   * Records progress and extends the lease; null unless `leaseToken` holds the running attempt.
   * Concurrent reports share one statement and one commit (see createBatched). `steps`: the
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
         INSERT INTO robot_events (event_type, robot_id, module_name, payload)
         SELECT 'robot.progress', a.robot_id, a.module_name,
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

  /** Robot types that have robots waiting for a module. */
  async unassignedTypes(limit: number): Promise<string[]> {
    const rows: Array<{ robot_type: string }> = await this.writer.query(
      `SELECT DISTINCT robot_type FROM robots WHERE module_name IS NULL AND status = 'PENDING' LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.robot_type);
  }

  /** Gives up to `limit` waiting robots of a type to a module. */
  async assign(robotType: string, moduleName: string, decision: unknown, limit: number): Promise<number> {
    const rows: unknown[] = await this.writer.query(
      `WITH picked AS (
         SELECT robot_id FROM robots
          WHERE module_name IS NULL AND status = 'PENDING' AND robot_type = $1
          ORDER BY priority DESC, created_at
          LIMIT $3
          FOR UPDATE SKIP LOCKED
       ), assigned AS (
         UPDATE robots r SET module_name = $2, routing_decision = $4, next_attempt_at = now(), updated_at = now()
           FROM picked WHERE r.robot_id = picked.robot_id
         RETURNING r.*
       ), event AS (
         INSERT INTO robot_events (event_type, robot_id, module_name, payload)
         SELECT 'robot.assigned', robot_id, module_name, '{}'::jsonb FROM assigned
       )
       SELECT robot_id FROM assigned`,
      [robotType, moduleName, limit, decision],
    );
    return rows.length;
  }

  /** The robot type an attempt works on, for routing a retry before its transaction starts. */
  async robotTypeOfExecution(executeId: string): Promise<string | null> {
    const rows: Array<{ robot_type: string }> = await this.reader.query(
      `SELECT r.robot_type FROM robot_execute e JOIN robots r ON r.robot_id = e.robot_id WHERE e.execute_id = $1`,
      [executeId],
    );
    return rows[0]?.robot_type ?? null;
  }

  /**
   * Cancels a robot that is PENDING, RETRYING or PROCESSING, with its open attempt (whose lease
   * stops being valid). `changed` is false, and nothing is written, for any other status.
   */
  cancel(robotId: string, reason: string | null): Promise<{ robot: RobotRow; changed: boolean } | null> {
    return this.writer.transaction(async (tx) => {
      const [robot] = await this.rows<RobotRow>(tx, `SELECT * FROM robots WHERE robot_id = $1 FOR UPDATE`, [robotId]);
      if (!robot) return null;
      if (!['PENDING', 'RETRYING', 'PROCESSING'].includes(robot.status)) return { robot, changed: false };
      await tx.query(
        `UPDATE robot_execute SET execution_state = 'CANCELLED', completed_at = now(), lease_token = NULL, lease_expires_at = NULL
          WHERE robot_id = $1 AND execution_state IN ('PENDING', 'RUNNING', 'PAUSED')`,
        [robotId],
      );
      const [cancelled] = await this.rows<RobotRow>(
        tx,
        `UPDATE robots SET status = 'CANCELLED', completed_at = now(), updated_at = now() WHERE robot_id = $1 RETURNING *`,
        [robotId],
      );
      await this.event(tx, 'robot.cancelled', cancelled, { from: robot.status, reason });
      return { robot: cancelled, changed: true };
    });
  }

  /** Puts a FAILED or CANCELLED robot back in the queue with a fresh attempt; `changed` false otherwise. */
  requeue(robotId: string, moduleName: string | null): Promise<{ robot: RobotRow; changed: boolean } | null> {
    return this.writer.transaction(async (tx) => {
      const [robot] = await this.rows<RobotRow>(tx, `SELECT * FROM robots WHERE robot_id = $1 FOR UPDATE`, [robotId]);
      if (!robot) return null;
      if (!['FAILED', 'CANCELLED'].includes(robot.status)) return { robot, changed: false };
      const [requeued] = await this.rows<RobotRow>(
        tx,
        `UPDATE robots SET status = 'PENDING', module_name = $2, retry_count = retry_count + 1, next_attempt_at = now(),
                completed_at = NULL, updated_at = now()
          WHERE robot_id = $1 RETURNING *`,
        [robotId, moduleName],
      );
      await this.event(tx, 'robot.retrying', requeued, {
        manual: true,
        from: robot.status,
        retry_count: requeued.retry_count,
      });
      return { robot: requeued, changed: true };
    });
  }

  /**
   * Rows of a statement in a transaction. TypeORM's `query()` answers an UPDATE ... RETURNING with
   * `[rows, count]` but a SELECT with `rows`; the structured result is the same for both.
   */
  private async rows<T>(tx: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
    const result = await tx.queryRunner!.query(sql, params, true);
    return result.records as T[];
  }

  private async event(
    tx: EntityManager,
    type: string,
    robot: RobotRow,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await tx.query(`INSERT INTO robot_events (event_type, robot_id, module_name, payload) VALUES ($1, $2, $3, $4)`, [
      type,
      robot.robot_id,
      robot.module_name,
      payload,
    ]);
  }
}

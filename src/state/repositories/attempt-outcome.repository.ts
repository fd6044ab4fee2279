import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { MicroBatcher } from '../../core/batching/micro-batcher.js';
import { inUniqueRounds } from '../../core/batching/unique-rounds.js';
import { PreparedQueries } from '../prepared-queries.js';
import { writeBatching } from '../write-batching.js';
import { LOCK_ATTEMPTS } from './attempt-locks.js';
import type { RobotRow } from './robot-rows.js';
import { EVENT_CATALOGUE, eventSql, EventType, eventTypeSql } from '../../core/events/event-catalogue.js';

export interface Completion {
  executeId: string;
  leaseToken: string;
  outputData: Record<string, unknown>;
  completenessScore?: number;
  confidenceScore?: number;
  /** A module-bound caller may finish its module's attempts only. */
  boundModule: string | null;
}

export interface AttemptFailure {
  executeId: string;
  leaseToken: string;
  category: string;
  message: string;
  details: Record<string, unknown>;
  /** Whether the category may be retried at all (retries left are checked on the locked row). */
  retryable: boolean;
  /** Where a retry goes: the best module for the type now (failover), else the robot's module. */
  failoverModule: string | null;
  /** In [0, 1): the random half of the retry delay (equal jitter, see backoffMs). */
  jitter: number;
  boundModule: string | null;
}

export interface FailedAttempt {
  robot: RobotRow;
  retried: boolean;
  /** The module whose attempt failed (the robot may have moved to another for its retry). */
  attemptModule: string;
}

type Finished<T> = T & { finished_execute_id: string; attempt_module: string };

/**
 * How attempts end: completion and failure, group-committed like intake and progress. Concurrent
 * calls share one statement and one commit; no statement touches a row shared between attempts
 * (the module breaker counts outcomes apart, see ModuleBreakerService), so finishing work scales
 * with the write pool, not with one row lock.
 *
 * Each statement locks the attempts it ends in one order (execute_id) before their robots, checks
 * lease, state and module binding on the locked rows, and writes the events in the same statement.
 */
@Injectable()
export class AttemptOutcomeRepository {
  private readonly completions: MicroBatcher<Completion, RobotRow | null>;
  private readonly failures: MicroBatcher<AttemptFailure, FailedAttempt | null>;
  private readonly backoff: { base: number; max: number };

  constructor(
    private readonly prepared: PreparedQueries,
    config: AppConfig,
  ) {
    this.backoff = { base: config.get('RETRY_BACKOFF_BASE_MS'), max: config.get('RETRY_BACKOFF_MAX_MS') };
    const options = writeBatching(config);
    this.completions = new MicroBatcher(
      async (items) => (await byAttempt(items, (round) => this.completeRound(round))).map((row) => row && strip(row)),
      options,
    );
    this.failures = new MicroBatcher(
      async (items) =>
        (await byAttempt(items, (round) => this.failRound(round))).map(
          (row) => row && { robot: strip(row), retried: row.status === 'RETRYING', attemptModule: row.attempt_module },
        ),
      options,
    );
  }

  /** Finishes the running attempt and its robot as COMPLETED; null when the lease is not current. */
  complete(completion: Completion): Promise<RobotRow | null> {
    return this.completions.submit(completion);
  }

  /** Many completions of one call, sharing statements; each settles on its own. */
  completeMany(completions: Completion[]): Promise<Array<PromiseSettledResult<RobotRow | null>>> {
    return this.completions.submitMany(completions);
  }

  /**
   * Fails the running attempt; the robot is RETRYING (after the backoff, on `failoverModule`) when
   * its category is retryable and retries remain, else FAILED. Null when the lease is not current.
   */
  fail(failure: AttemptFailure): Promise<FailedAttempt | null> {
    return this.failures.submit(failure);
  }

  private completeRound(items: Completion[]): Promise<Array<Finished<RobotRow>>> {
    const column = (pick: (item: Completion) => unknown) => items.map((item) => pick(item) ?? null);
    return this.prepared.query(
      'executions_complete_many',
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::jsonb[], $4::numeric[], $5::numeric[], $6::text[])
           AS u(execute_id, lease_token, output_data, completeness_score, confidence_score, bound_module)
       ), locked AS (
         SELECT e.execute_id FROM ${LOCK_ATTEMPTS} JOIN input i USING (execute_id)
          WHERE e.lease_token = i.lease_token AND e.execution_state = 'RUNNING'
            AND (i.bound_module IS NULL OR e.module_name = i.bound_module)
       ), attempt AS (
         UPDATE robot_execute e SET execution_state = 'COMPLETED', completed_at = now(), progress_percentage = 100,
                completed_steps = e.total_steps, lease_token = NULL, lease_expires_at = NULL,
                duration_ms = (extract(epoch FROM now() - e.started_at) * 1000)::int
           FROM locked l
          WHERE e.execute_id = l.execute_id
         RETURNING e.execute_id, e.robot_id, e.module_name, e.duration_ms
       ), robot AS (
         -- An earlier attempt's error stays on that attempt: a robot that finished well shows none.
         UPDATE robots r SET status = 'COMPLETED', output_data = i.output_data, error_category = NULL, error_details = NULL,
                completeness_score = COALESCE(i.completeness_score, r.completeness_score),
                confidence_score = COALESCE(i.confidence_score, r.confidence_score),
                completed_at = now(), updated_at = now(), processing_time_ms = a.duration_ms,
                actual_duration_minutes = ceil(extract(epoch FROM now() - r.created_at) / 60)::int
           FROM attempt a JOIN input i USING (execute_id)
          WHERE r.robot_id = a.robot_id
         RETURNING r.*, a.execute_id AS finished_execute_id, a.module_name AS attempt_module
       ), event AS (
         INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
         SELECT ${eventSql(EventType.RobotCompleted)}, robot_id, module_name, jsonb_build_object('processing_time_ms', processing_time_ms)
           FROM robot
       )
       SELECT * FROM robot`,
      [
        column((c) => c.executeId),
        column((c) => c.leaseToken),
        items.map((c) => JSON.stringify(c.outputData)),
        column((c) => c.completenessScore),
        column((c) => c.confidenceScore),
        column((c) => c.boundModule),
      ],
    );
  }

  /**
   * The retry decision is taken on the robot's locked, latest row (its SET reads it): retries
   * left, the delay `min(max, base·2^retry_count)` with equal jitter (as backoffMs), its module.
   */
  private failRound(items: AttemptFailure[]): Promise<Array<Finished<RobotRow>>> {
    const column = (pick: (item: AttemptFailure) => unknown) => items.map((item) => pick(item) ?? null);
    return this.prepared.query(
      'executions_fail_many',
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::boolean[], $7::text[],
                              $8::double precision[], $9::text[])
           AS u(execute_id, lease_token, category, message, details, retryable, failover_module, jitter, bound_module)
       ), locked AS (
         SELECT e.execute_id FROM ${LOCK_ATTEMPTS} JOIN input i USING (execute_id)
          WHERE e.lease_token = i.lease_token AND e.execution_state = 'RUNNING'
            AND (i.bound_module IS NULL OR e.module_name = i.bound_module)
       ), attempt AS (
         UPDATE robot_execute e SET execution_state = 'FAILED', completed_at = now(), error_message = i.message,
                execution_metadata = COALESCE(e.execution_metadata, '{}'::jsonb)
                  || jsonb_build_object('error_category', i.category, 'error_details', i.details),
                lease_token = NULL, lease_expires_at = NULL,
                duration_ms = (extract(epoch FROM now() - e.started_at) * 1000)::int
           FROM input i JOIN locked l USING (execute_id)
          WHERE e.execute_id = l.execute_id
         RETURNING e.execute_id, e.robot_id, e.module_name
       ), robot AS (
         UPDATE robots r SET
                status = CASE WHEN i.retryable AND r.retry_count < r.retry_limit THEN 'RETRYING' ELSE 'FAILED' END::robot_status_enum,
                retry_count = r.retry_count + CASE WHEN i.retryable AND r.retry_count < r.retry_limit THEN 1 ELSE 0 END,
                module_name = CASE WHEN i.retryable AND r.retry_count < r.retry_limit
                                   THEN COALESCE(i.failover_module, r.module_name) ELSE r.module_name END,
                next_attempt_at = CASE WHEN i.retryable AND r.retry_count < r.retry_limit
                  THEN now() + make_interval(secs => least($11::double precision, $10::double precision * power(2, r.retry_count))
                                                     * (0.5 + 0.5 * i.jitter) / 1000)
                  ELSE r.next_attempt_at END,
                completed_at = CASE WHEN i.retryable AND r.retry_count < r.retry_limit THEN r.completed_at ELSE now() END,
                error_category = i.category,
                error_details = i.details || jsonb_build_object('category', i.category, 'message', i.message),
                last_error_at = now(), updated_at = now()
           FROM attempt a JOIN input i USING (execute_id)
          WHERE r.robot_id = a.robot_id
         RETURNING r.*, a.execute_id AS finished_execute_id, a.module_name AS attempt_module, i.category AS failed_category
       ), event AS (
         INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
         SELECT CASE WHEN status = 'RETRYING' THEN ${eventTypeSql(EventType.RobotRetrying)} ELSE ${eventTypeSql(EventType.RobotFailed)} END,
                ${EVENT_CATALOGUE[EventType.RobotFailed].version}, robot_id, module_name,
                jsonb_build_object('error_category', failed_category, 'retry_count', retry_count)
                  || CASE WHEN status = 'RETRYING'
                       THEN jsonb_build_object('delay_ms', greatest(0, round(extract(epoch FROM next_attempt_at - now()) * 1000)))
                       ELSE '{}'::jsonb END
           FROM robot
       )
       SELECT * FROM robot`,
      [
        column((f) => f.executeId),
        column((f) => f.leaseToken),
        column((f) => f.category),
        column((f) => f.message),
        items.map((f) => JSON.stringify(f.details)),
        column((f) => f.retryable),
        column((f) => f.failoverModule),
        column((f) => f.jitter),
        column((f) => f.boundModule),
        this.backoff.base,
        this.backoff.max,
      ],
    );
  }
}

/** Runs ending statements by execute_id: an attempt named twice in a batch goes in a later round. */
function byAttempt<I extends { executeId: string }>(
  items: I[],
  round: (items: I[]) => Promise<Array<Finished<RobotRow>>>,
): Promise<Array<Finished<RobotRow> | null>> {
  return inUniqueRounds(
    items,
    (item) => item.executeId,
    round,
    (row) => row.finished_execute_id,
  );
}

function strip<T extends RobotRow>(row: Finished<T> & { failed_category?: string }): RobotRow {
  const { finished_execute_id: _id, attempt_module: _module, failed_category: _category, ...robot } = row;
  return robot as RobotRow;
}

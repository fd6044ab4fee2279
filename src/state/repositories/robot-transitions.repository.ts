import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RobotRow } from './robot-rows.js';
import { eventSql, EventType } from '../../core/events/event-catalogue.js';
import { emitEvent } from '../events/emit-event.js';

/**
 * A robot's moves outside its attempts: assignment to a module, cancel, requeue. Each is one
 * statement (data-modifying CTEs) or one short transaction, and writes its event to the
 * `events` outbox in that same statement or transaction, so an event exists if and only if
 * the change committed.
 *
 * Inside a transaction nothing else is awaited: no read on the other pool, no cache, no routing.
 * On PGlite all connections share one session, and a transaction holds it until it ends, so a read
 * on another connection from inside it would wait forever.
 */
@Injectable()
export class RobotTransitionsRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

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
         INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
         SELECT ${eventSql(EventType.RobotAssigned)}, robot_id, module_name, '{}'::jsonb FROM assigned
       )
       SELECT robot_id FROM assigned`,
      [robotType, moduleName, limit, decision],
    );
    return rows.length;
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
        `UPDATE robots SET status = 'CANCELLED', cancel_reason = $2, completed_at = now(), updated_at = now()
          WHERE robot_id = $1 RETURNING *`,
        [robotId, reason],
      );
      await emitEvent(tx, EventType.RobotCancelled, cancelled, { from: robot.status, reason });
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
                completed_at = NULL, cancel_reason = NULL, updated_at = now()
          WHERE robot_id = $1 RETURNING *`,
        [robotId, moduleName],
      );
      await emitEvent(tx, EventType.RobotRetrying, requeued, {
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
}

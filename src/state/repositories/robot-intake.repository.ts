import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app-config.service.js';
import { MicroBatcher } from '../../core/batching/micro-batcher.js';
import { PreparedQueries } from '../prepared-queries.js';
import { writeBatching } from '../write-batching.js';
import type { NewRobotRow, RobotRow } from './robot-rows.js';
import { eventSql, EventType } from '../../core/events/event-catalogue.js';

/** Rows another layer writes in a robot's creation transaction (robot-scoped subscriptions). */
export interface WrittenWithRobot {
  count: number;
  write(tx: Pick<EntityManager, 'query'>, robotId: string): Promise<unknown>;
}

/**
 * Robot intake: every robot is inserted with its `robot.created` event in the same statement, so
 * the event exists if and only if the robot does.
 */
@Injectable()
export class RobotIntakeRepository {
  private readonly intake: MicroBatcher<NewRobotRow, RobotRow>;

  constructor(
    @InjectDataSource() private readonly writer: DataSource,
    private readonly prepared: PreparedQueries,
    config: AppConfig,
  ) {
    this.intake = new MicroBatcher((robots) => this.createMany(robots, false), writeBatching(config));
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
   * idempotency key inserts nothing and returns null. With `also`, the robot, its event and what
   * `also` writes (its notification subscriptions) commit in one transaction; the event says how
   * many (`notify`).
   */
  async create(robot: NewRobotRow, also?: WrittenWithRobot): Promise<RobotRow | null> {
    if (!also) return this.insertOne(this.writer, robot, null);
    return this.writer.transaction(async (tx) => {
      const row = await this.insertOne(tx, robot, also.count);
      if (row) await also.write(tx, row.robot_id);
      return row;
    });
  }

  private async insertOne(
    runner: Pick<EntityManager, 'query'>,
    robot: NewRobotRow,
    notify: number | null,
  ): Promise<RobotRow | null> {
    const rows: RobotRow[] = await runner.query(
      `WITH inserted AS (
         INSERT INTO robots (robot_id, robot_type, module_name, input_data, priority, cache_key, correlation_id,
                             source_reference, retry_limit, timeout_seconds, deadline_at, routing_decision)
         VALUES ($1 || '_' || floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint || '_' || nextval('robot_seq'),
                 $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (cache_key) WHERE cache_key IS NOT NULL DO NOTHING
         RETURNING *
       ), event AS (
         INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
         SELECT ${eventSql(EventType.RobotCreated)}, robot_id, module_name,
                jsonb_build_object('robot_type', robot_type, 'priority', priority, 'assigned', module_name IS NOT NULL)
                  || CASE WHEN $13::int > 0 THEN jsonb_build_object('notify', $13::int) ELSE '{}'::jsonb END
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
        notify,
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
         INSERT INTO events (event_type, event_version, robot_id, module_name, payload)
         SELECT ${eventSql(EventType.RobotCreated)}, robot_id, module_name,
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
}

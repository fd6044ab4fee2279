import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { READ_DATA_SOURCE } from '../data-source.js';
import { ModuleHealth, ModuleRegistryEntity } from '../entities/index.js';
import { eventSql, EventType } from '../../core/events/event-catalogue.js';

export type NewModule = Pick<
  ModuleRegistryEntity,
  'moduleId' | 'moduleName' | 'moduleVersion' | 'supportedRobotTypes'
> &
  Partial<Pick<ModuleRegistryEntity, 'healthEndpoint' | 'registrationData' | 'isActive' | 'maxConcurrentRobots'>>;

@Injectable()
export class ModuleRegistryRepository {
  constructor(
    @InjectRepository(ModuleRegistryEntity) private readonly writer: Repository<ModuleRegistryEntity>,
    @InjectRepository(ModuleRegistryEntity, READ_DATA_SOURCE) private readonly reader: Repository<ModuleRegistryEntity>,
  ) {}

  /**
   * Inserts or replaces a module's registration, keyed by its unique name. `created` tells a first
   * registration from a re-registration (xmax = 0 only for a row this statement inserted).
   */
  async register(module: NewModule): Promise<ModuleRegistryEntity & { created?: boolean }> {
    const result = await this.writer
      .createQueryBuilder()
      .insert()
      .into(ModuleRegistryEntity)
      .values({ ...module, isActive: module.isActive ?? true } as never)
      .orUpdate(
        [
          'module_id',
          'module_version',
          'supported_robot_types',
          'health_endpoint',
          'registration_data',
          'is_active',
          'max_concurrent_robots',
          'updated_at',
        ],
        ['module_name'],
      )
      .returning('(xmax = 0) AS created')
      .execute();
    const created = (result.raw as Array<{ created: boolean }>)[0]?.created;
    const saved = await this.writer.findOneByOrFail({ moduleName: module.moduleName });
    return Object.assign(saved, { created });
  }

  findByName(moduleName: string): Promise<ModuleRegistryEntity | null> {
    return this.reader.findOneBy({ moduleName });
  }

  /** Active, not UNHEALTHY modules that declare the robot type: routing's candidate set. */
  findRoutableModules(robotType: string): Promise<ModuleRegistryEntity[]> {
    return this.reader
      .createQueryBuilder('m')
      .where('m.is_active = true')
      .andWhere(':robotType = ANY(m.supported_robot_types)', { robotType })
      .andWhere(`m.health_status IS DISTINCT FROM 'UNHEALTHY'`)
      .orderBy('m.performance_score', 'DESC', 'NULLS LAST')
      .getMany();
  }

  /** Every module that declares the robot type, eligible or not: routing explains the excluded ones too. */
  findByRobotType(robotType: string): Promise<ModuleRegistryEntity[]> {
    return this.reader
      .createQueryBuilder('m')
      .where(':robotType = ANY(m.supported_robot_types)', { robotType })
      .orderBy('m.module_name')
      .getMany();
  }

  list(filter: { activeOnly: boolean; robotType?: string }): Promise<ModuleRegistryEntity[]> {
    const query = this.reader.createQueryBuilder('m').orderBy('m.module_name');
    if (filter.activeOnly) query.andWhere('m.is_active = true');
    if (filter.robotType) query.andWhere(':robotType = ANY(m.supported_robot_types)', { robotType: filter.robotType });
    return query.getMany();
  }

  /** Applies the given changes to a module; null when no module has that name. */
  async update(
    moduleName: string,
    changes: Partial<NewModule> & { maxConcurrentRobots?: number },
  ): Promise<ModuleRegistryEntity | null> {
    const result = await this.writer.update({ moduleName }, { ...changes, updatedAt: () => 'now()' } as never);
    if ((result.affected ?? 0) === 0) return null;
    return this.writer.findOneBy({ moduleName });
  }

  /** Stores a health check and moves the module's health by its consecutive failures, in one statement. */
  async recordHealthCheck(
    moduleName: string,
    check: { ok: boolean; latencyMs: number; error: string | null },
    thresholds: { degradedAfter: number; unhealthyAfter: number },
  ): Promise<{ before: ModuleHealth; after: ModuleHealth } | null> {
    const rows: Array<{ before: ModuleHealth; after: ModuleHealth }> = await this.writer.query(
      `WITH recorded AS (
         INSERT INTO module_health_checks (module_name, ok, latency_ms, error_message) VALUES ($1, $2, $3, $4)
       ), previous AS (
         SELECT health_status FROM module_registry WHERE module_name = $1 FOR UPDATE
       ), updated AS (
         UPDATE module_registry m SET
           consecutive_failures = CASE WHEN $2 THEN 0 ELSE COALESCE(m.consecutive_failures, 0) + 1 END,
           health_status = (CASE
             WHEN $2 THEN 'HEALTHY'
             WHEN COALESCE(m.consecutive_failures, 0) + 1 >= $6 THEN 'UNHEALTHY'
             WHEN COALESCE(m.consecutive_failures, 0) + 1 >= $5 THEN 'DEGRADED'
             ELSE m.health_status::text END)::module_health_enum,
           last_health_check = now(),
           last_error_message = CASE WHEN $2 THEN m.last_error_message ELSE $4 END,
           -- The new check is not visible to this statement's snapshot: counted in by hand.
           uptime_percentage_24h = (
             SELECT round(100.0 * (count(*) FILTER (WHERE c.ok) + CASE WHEN $2 THEN 1 ELSE 0 END) / (count(*) + 1), 2)
               FROM module_health_checks c WHERE c.module_name = $1 AND c.checked_at > now() - interval '24 hours'),
           updated_at = now()
         WHERE m.module_name = $1
         RETURNING m.health_status
       ), event AS (
         INSERT INTO events (event_type, event_version, module_name, payload)
         SELECT ${eventSql(EventType.ModuleHealthChanged)}, $1, jsonb_build_object('from', p.health_status, 'to', u.health_status)
           FROM previous p, updated u WHERE p.health_status IS DISTINCT FROM u.health_status
       )
       SELECT p.health_status AS before, u.health_status AS after FROM previous p, updated u`,
      [moduleName, check.ok, check.latencyMs, check.error, thresholds.degradedAfter, thresholds.unhealthyAfter],
    );
    return rows[0] ?? null;
  }

  /** Per module: attempts finished in the last 24 h, robots running now, and all-time totals. */
  /**
   * capacity_utilization = PROCESSING robots / capacity (DECIMAL(3,2), so at most 9.99), written
   * only where it moved. One statement for every module, on a schedule, so no robot's claim or
   * completion ever waits on its module's row. Returns the modules that changed.
   */
  async refreshUtilization(): Promise<string[]> {
    const rows: Array<{ module_name: string }> = await this.writer.query(
      `WITH running AS (
         SELECT module_name, count(*) AS active FROM robots WHERE status = 'PROCESSING' GROUP BY module_name
       ), fresh AS (
         SELECT m.module_name, LEAST(9.99, round(COALESCE(r.active, 0)::numeric / m.max_concurrent_robots, 2)) AS utilization
           FROM module_registry m LEFT JOIN running r USING (module_name)
       ), moved AS (
         UPDATE module_registry m SET capacity_utilization = f.utilization, updated_at = now()
           FROM fresh f
          WHERE m.module_name = f.module_name AND m.capacity_utilization IS DISTINCT FROM f.utilization
         RETURNING m.module_name
       )
       SELECT module_name FROM moved`,
    );
    return rows.map((row) => row.module_name);
  }

  moduleStats(): Promise<
    Array<{
      module_name: string;
      max_concurrent_robots: number;
      completed_24h: string;
      failed_24h: string;
      avg_processing_ms_24h: string | null;
      active: string;
      total_completed: string;
      total_processing_ms: string | null;
    }>
  > {
    return this.writer.query(
      `WITH recent AS (
         SELECT module_name,
                count(*) FILTER (WHERE execution_state = 'COMPLETED') AS completed_24h,
                count(*) FILTER (WHERE execution_state = 'FAILED') AS failed_24h,
                avg(duration_ms) FILTER (WHERE execution_state = 'COMPLETED') AS avg_processing_ms_24h
           FROM robot_execute WHERE completed_at > now() - interval '24 hours' GROUP BY module_name
       ), running AS (
         SELECT module_name, count(*) AS active FROM robots WHERE status = 'PROCESSING' GROUP BY module_name
       ), totals AS (
         SELECT module_name, count(*) AS total_completed, sum(processing_time_ms) AS total_processing_ms
           FROM robots WHERE status = 'COMPLETED' GROUP BY module_name
       )
       SELECT m.module_name, m.max_concurrent_robots,
              COALESCE(r.completed_24h, 0) AS completed_24h, COALESCE(r.failed_24h, 0) AS failed_24h,
              r.avg_processing_ms_24h, COALESCE(a.active, 0) AS active,
              COALESCE(t.total_completed, 0) AS total_completed, t.total_processing_ms
         FROM module_registry m
         LEFT JOIN recent r ON r.module_name = m.module_name
         LEFT JOIN running a ON a.module_name = m.module_name
         LEFT JOIN totals t ON t.module_name = m.module_name`,
    );
  }

  async applyScores(
    moduleName: string,
    scores: {
      performanceScore: number;
      performanceTier: string;
      successRate24h: number;
      errorCount24h: number;
      avgProcessingTimeMs: number;
      capacityUtilization: number;
      totalRobotsProcessed: number;
      totalProcessingTimeHours: number;
    },
  ): Promise<void> {
    await this.writer.query(
      `UPDATE module_registry SET performance_score = $2, performance_tier = $3, success_rate_24h = $4, error_count_24h = $5,
              avg_processing_time_ms = $6, capacity_utilization = $7, total_robots_processed = $8,
              total_processing_time_hours = $9, last_performance_check = now(), updated_at = now()
        WHERE module_name = $1`,
      [
        moduleName,
        scores.performanceScore,
        scores.performanceTier,
        scores.successRate24h,
        scores.errorCount24h,
        scores.avgProcessingTimeMs,
        scores.capacityUtilization,
        scores.totalRobotsProcessed,
        scores.totalProcessingTimeHours,
      ],
    );
  }

  listActive(): Promise<ModuleRegistryEntity[]> {
    return this.reader.find({ where: { isActive: true }, order: { moduleName: 'ASC' } });
  }

  async deactivate(moduleName: string): Promise<boolean> {
    const result = await this.writer.update({ moduleName }, { isActive: false, updatedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Worker activity as health, for modules without a health endpoint, in one statement: the `seen`
   * ones become HEALTHY (last_health_check = now), HEALTHY ones last seen more than `silenceSeconds`
   * ago become DEGRADED; each change gets its module.health_changed event. Returns the changes.
   */
  async recordActivity(
    seen: string[],
    silenceSeconds: number,
  ): Promise<Array<{ module_name: string; before: ModuleHealth; after: ModuleHealth }>> {
    return this.writer.query(
      `WITH previous AS (
         SELECT module_name, health_status FROM module_registry
          WHERE health_endpoint IS NULL AND is_active
            AND (module_name = ANY($1::text[])
                 OR (health_status = 'HEALTHY' AND last_health_check < now() - make_interval(secs => $2)))
          FOR UPDATE
       ), updated AS (
         UPDATE module_registry m SET
           health_status = (CASE WHEN m.module_name = ANY($1::text[]) THEN 'HEALTHY' ELSE 'DEGRADED' END)::module_health_enum,
           last_health_check = CASE WHEN m.module_name = ANY($1::text[]) THEN now() ELSE m.last_health_check END,
           consecutive_failures = CASE WHEN m.module_name = ANY($1::text[]) THEN 0 ELSE m.consecutive_failures END,
           updated_at = now()
           FROM previous p
          WHERE m.module_name = p.module_name
         RETURNING m.module_name, m.health_status
       ), moved AS (
         SELECT p.module_name, p.health_status AS before, u.health_status AS after
           FROM previous p JOIN updated u USING (module_name)
          WHERE p.health_status IS DISTINCT FROM u.health_status
       ), event AS (
         INSERT INTO events (event_type, event_version, module_name, payload)
         SELECT ${eventSql(EventType.ModuleHealthChanged)}, module_name, jsonb_build_object('from', before, 'to', after) FROM moved
       )
       SELECT * FROM moved`,
      [seen, silenceSeconds],
    );
  }

  async recordHealth(moduleName: string, health: ModuleHealth): Promise<void> {
    await this.writer.update(
      { moduleName },
      { healthStatus: health, lastHealthCheck: () => 'now()', updatedAt: () => 'now()' },
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Deletes history past its retention; robots themselves are kept (their rows are the record). */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  async purgeOlderThan(days: number): Promise<Record<string, number>> {
    const [counts]: Array<Record<string, string>> = await this.writer.query(
      `WITH attempts AS (
         -- Finished attempts only, and never a robot's last one: its current state stays explained.
         DELETE FROM robot_execute e
          WHERE e.completed_at < now() - make_interval(days => $1)
            AND e.execution_state IN ('COMPLETED', 'FAILED', 'CANCELLED')
            AND EXISTS (SELECT 1 FROM robot_execute later
                         WHERE later.robot_id = e.robot_id AND later.started_at > e.started_at)
         RETURNING 1
       ), events AS (
         -- Only events every consumer has passed, and none a consumer has parked.
         DELETE FROM events v
          WHERE v.created_at < now() - make_interval(days => $1)
            AND EXISTS (SELECT 1 FROM event_consumers)
            AND NOT EXISTS (SELECT 1 FROM event_consumers c WHERE (v.tx_id, v.event_id) > (c.last_tx_id, c.last_event_id))
            AND NOT EXISTS (SELECT 1 FROM parked_events p WHERE p.event_id = v.event_id)
         RETURNING 1
       ), checks AS (
         DELETE FROM module_health_checks WHERE checked_at < now() - make_interval(days => $1) RETURNING 1
       ), runs AS (
         DELETE FROM job_runs WHERE tick < now() - make_interval(days => $1) RETURNING 1
       ), alerts AS (
         -- Resolved alerts only: a firing one stays however old it is.
         DELETE FROM monitoring_alerts
          WHERE state = 'RESOLVED' AND resolved_at < now() - make_interval(days => $1) RETURNING 1
       )
       SELECT (SELECT count(*) FROM attempts) AS attempts, (SELECT count(*) FROM events) AS events,
              (SELECT count(*) FROM checks) AS health_checks, (SELECT count(*) FROM runs) AS job_runs,
              (SELECT count(*) FROM alerts) AS alerts`,
      [days],
    );
    return Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, Number(value)]));
  }
}

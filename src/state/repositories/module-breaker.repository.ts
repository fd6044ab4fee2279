import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { eventSql, EventType } from '../../core/events/event-catalogue.js';

/** Attempt outcomes of one module counted by one instance since its last flush. */
export interface OutcomeDelta {
  moduleName: string;
  succeeded: number;
  /** Failures that count against the module (VALIDATION ones never do). */
  failed: number;
}

export interface BreakerPolicy {
  minFailures: number;
  failureRate: number;
  windowSeconds: number;
  cooldownSeconds: number;
  bucketSeconds: number;
}

export interface BreakerMove {
  module_name: string;
  before: string;
  after: string;
}

/**
 * The module circuit breaker's counters and decisions. No attempt's completion touches this: each
 * instance counts outcomes in memory and flushes them here about once a second, so the cost per
 * outcome is a counter increment, and the cost of a decision is a sum over the window's buckets
 * (window ÷ bucket rows per module and instance), whatever the traffic.
 */
@Injectable()
export class ModuleBreakerRepository {
  constructor(@InjectDataSource() private readonly writer: DataSource) {}

  /**
   * Adds the deltas to this instance's current bucket and moves each module's breaker, in one
   * statement (its events included):
   * - HALF_OPEN (a probe is out): a counted failure reopens it for the cool-down; else a success
   *   closes it, and the window starts afresh (`breaker_counted_from`).
   * - CLOSED: with new failures, opens when the window holds at least `minFailures` failures that
   *   make at least `failureRate` of its ended attempts.
   * - OPEN: outcomes of robots that were already running change nothing; the claim path moves it
   *   to HALF_OPEN once the cool-down is over.
   * The rows just upserted are not visible to this statement's snapshot: the deltas are added by
   * hand. Buckets older than the window are deleted on the way.
   */
  async flush(instanceId: string, deltas: OutcomeDelta[], policy: BreakerPolicy): Promise<BreakerMove[]> {
    if (deltas.length === 0) return [];
    return this.writer.query(
      `WITH delta AS (
         SELECT d.* FROM unnest($1::text[], $2::int[], $3::int[]) AS d(module_name, succeeded, failed)
           JOIN module_registry m USING (module_name)
       ), bucket AS (
         SELECT to_timestamp(floor(extract(epoch FROM now()) / $5) * $5) AT TIME ZONE 'UTC' AS start
       ), counted AS (
         INSERT INTO module_breaker_counts (module_name, bucket_start, instance_id, succeeded, failed)
         SELECT d.module_name, b.start, $4, d.succeeded, d.failed FROM delta d, bucket b
         ON CONFLICT (module_name, bucket_start, instance_id) DO UPDATE
           SET succeeded = module_breaker_counts.succeeded + excluded.succeeded,
               failed = module_breaker_counts.failed + excluded.failed
       ), expired AS (
         DELETE FROM module_breaker_counts c USING delta d
          WHERE c.module_name = d.module_name AND c.bucket_start < (now() AT TIME ZONE 'UTC') - make_interval(secs => $6 + $5)
       ), previous AS (
         SELECT m.module_name, m.breaker_state, m.breaker_counted_from FROM module_registry m
          WHERE m.module_name IN (SELECT module_name FROM delta) ORDER BY m.module_name FOR UPDATE
       ), windowed AS (
         SELECT d.module_name, d.succeeded AS new_succeeded, d.failed AS new_failed, p.breaker_state,
                d.failed + COALESCE(sum(c.failed), 0) AS failures,
                d.succeeded + d.failed + COALESCE(sum(c.succeeded + c.failed), 0) AS ended
           FROM delta d JOIN previous p USING (module_name)
           LEFT JOIN module_breaker_counts c ON c.module_name = d.module_name
                AND c.bucket_start >= (now() AT TIME ZONE 'UTC') - make_interval(secs => $6)
                AND c.bucket_start >= COALESCE(p.breaker_counted_from, '-infinity')
          GROUP BY d.module_name, d.succeeded, d.failed, p.breaker_state
       ), decided AS (
         SELECT module_name, breaker_state AS before,
                CASE
                  WHEN breaker_state = 'HALF_OPEN' AND new_failed > 0 THEN 'OPEN'
                  WHEN breaker_state = 'HALF_OPEN' AND new_succeeded > 0 THEN 'CLOSED'
                  WHEN breaker_state = 'CLOSED' AND new_failed > 0 AND failures >= $7
                       AND failures >= $8::double precision * ended THEN 'OPEN'
                  ELSE breaker_state END AS after
           FROM windowed
       ), updated AS (
         UPDATE module_registry m SET
           breaker_state = d.after,
           breaker_until = CASE WHEN d.after = 'OPEN' THEN now() + make_interval(secs => $9) ELSE m.breaker_until END,
           breaker_counted_from = CASE WHEN d.after = 'CLOSED' THEN now() ELSE m.breaker_counted_from END,
           updated_at = now()
           FROM decided d
          WHERE m.module_name = d.module_name AND d.before <> d.after
         RETURNING m.module_name
       ), event AS (
         INSERT INTO events (event_type, event_version, module_name, payload)
         SELECT ${eventSql(EventType.ModuleBreakerChanged)}, d.module_name, jsonb_build_object('from', d.before, 'to', d.after)
           FROM decided d JOIN updated u USING (module_name)
       )
       SELECT d.module_name, d.before, d.after FROM decided d JOIN updated u USING (module_name)`,
      [
        deltas.map((d) => d.moduleName),
        deltas.map((d) => d.succeeded),
        deltas.map((d) => d.failed),
        instanceId,
        policy.bucketSeconds,
        policy.windowSeconds,
        policy.minFailures,
        policy.failureRate,
        policy.cooldownSeconds,
      ],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { CacheService } from '../../cache/cache.service.js';
import { DatabaseBreakerGuard } from '../../state/database-breaker.guard.js';
import { type FleetSnapshot, FleetMetricsRepository } from '../../state/repositories/fleet-metrics.repository.js';
import { ForecastRepository } from '../../state/repositories/forecast.repository.js';

/** A scrape reads the database at most this often, however many Prometheus servers scrape. */
export const SNAPSHOT_TTL_MS = 5_000;

/** botfleet_module_health values. */
export const MODULE_HEALTH_VALUE: Record<string, number> = { UNKNOWN: 0, HEALTHY: 1, DEGRADED: 2, UNHEALTHY: 3 };
const BREAKER_VALUE: Record<string, number> = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 };

/**
 * Gauges computed at scrape time (prom-client `collect()`): fleet figures from one cached query,
 * pool and cache counts from memory. Labels are statuses, robot types, module names and pool
 * roles only: bounded sets, never robot ids.
 */
@Injectable()
export class FleetMetricsCollector {
  private cached?: { at: number; value: Promise<FleetSnapshot> };

  constructor(
    registry: Registry,
    private readonly fleet: FleetMetricsRepository,
    private readonly cache: CacheService,
    private readonly breaker: DatabaseBreakerGuard,
    private readonly forecasts: ForecastRepository,
  ) {
    const registers = [registry];
    const snapshot = () => this.snapshot();
    new Gauge({
      name: 'botfleet_robots',
      help: 'Robots by status and robot type',
      labelNames: ['status', 'robot_type'],
      registers,
      async collect() {
        const { robots } = await snapshot();
        this.reset();
        for (const row of robots) this.set({ status: row.status, robot_type: row.robot_type }, row.count);
      },
    });
    this.fleetGauge('botfleet_active_executions', 'Execution attempts RUNNING', registers, (s) => s.active_executions);
    this.fleetGauge(
      'botfleet_queue_depth',
      'Claimable robots (PENDING or RETRYING, due)',
      registers,
      (s) => s.queue_depth,
    );
    this.fleetGauge(
      'botfleet_oldest_pending_robot_age_seconds',
      'Age of the oldest PENDING robot (0 when none)',
      registers,
      (s) => s.oldest_pending_seconds ?? 0,
    );
    this.fleetGauge(
      'botfleet_outbox_backlog',
      'Events the slowest consumer has not handled yet',
      registers,
      (s) => s.outbox_backlog,
    );
    this.fleetGauge(
      'botfleet_parked_events',
      'Events a consumer kept failing, parked for replay',
      registers,
      (s) => s.parked_events,
    );
    this.moduleGauge(
      'botfleet_module_health',
      'Module health: 0 UNKNOWN, 1 HEALTHY, 2 DEGRADED, 3 UNHEALTHY',
      registers,
      (m) => MODULE_HEALTH_VALUE[m.health] ?? 0,
    );
    this.moduleGauge('botfleet_module_performance_score', 'Module performance score', registers, (m) => m.score);
    this.moduleGauge(
      'botfleet_module_capacity_utilization',
      'Module capacity utilisation',
      registers,
      (m) => m.utilization,
    );
    this.moduleGauge('botfleet_module_breaker_open', 'Module circuit breaker open (1) or not (0)', registers, (m) =>
      m.breaker === 'OPEN' ? 1 : 0,
    );

    const sla = () => this.slaFigures();
    for (const [name, help, field] of [
      ['botfleet_robots_sla_at_risk', 'Open robots flagged at risk of missing their deadline', 'at_risk'],
      ['botfleet_robots_past_deadline', 'Open robots whose deadline has passed', 'past_deadline'],
      ['botfleet_robots_finished_late', 'Robots completed after their deadline in the last 24 h', 'finished_late_24h'],
    ] as const) {
      new Gauge({
        name,
        help,
        labelNames: ['robot_type'],
        registers,
        async collect() {
          const rows = await sla();
          this.reset();
          for (const row of rows) this.set({ robot_type: row.robot_type }, row[field]);
        },
      });
    }

    const repository = this.fleet;
    for (const [name, help, pick] of [
      ['botfleet_db_pool_in_use', 'Database connections checked out', (p) => p.total - p.idle],
      ['botfleet_db_pool_idle', 'Database connections idle', (p) => p.idle],
      ['botfleet_db_pool_waiting', 'Requests waiting for a database connection', (p) => p.waiting],
    ] as const satisfies readonly [string, string, (p: { total: number; idle: number; waiting: number }) => number][]) {
      new Gauge({
        name,
        help,
        labelNames: ['pool'],
        registers,
        collect() {
          const pools = repository.pools();
          this.set({ pool: 'read' }, pick(pools.read));
          this.set({ pool: 'write' }, pick(pools.write));
        },
      });
    }
    const databaseBreaker = this.breaker;
    new Gauge({
      name: 'botfleet_db_breaker_state',
      help: 'Database circuit breaker: 0 CLOSED, 1 HALF_OPEN, 2 OPEN',
      registers,
      collect() {
        this.set(BREAKER_VALUE[databaseBreaker.state]);
      },
    });
    const cacheService = this.cache;
    for (const [name, help, field] of [
      ['botfleet_cache_hits_total', 'Cache lookups answered from the cache', 'hits'],
      ['botfleet_cache_misses_total', 'Cache lookups that missed', 'misses'],
    ] as const) {
      new Counter({
        name,
        help,
        registers,
        collect() {
          // CacheService keeps the running totals; the counter mirrors them.
          this.reset();
          this.inc(cacheService.stats()[field]);
        },
      });
    }
  }

  private slaCached?: { at: number; value: ReturnType<ForecastRepository['slaFigures']> };

  /** Deadline figures, cached as the snapshot is. */
  slaFigures(): ReturnType<ForecastRepository['slaFigures']> {
    const now = Date.now();
    if (!this.slaCached || now - this.slaCached.at >= SNAPSHOT_TTL_MS) {
      const value = this.forecasts.slaFigures();
      value.catch(() => (this.slaCached = undefined));
      this.slaCached = { at: now, value };
    }
    return this.slaCached.value;
  }

  /** The fleet figures, from the database at most once per SNAPSHOT_TTL_MS; concurrent scrapes share one query. */
  snapshot(): Promise<FleetSnapshot> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= SNAPSHOT_TTL_MS) {
      const value = this.fleet.snapshot();
      // A failed query is not cached: the next scrape tries again.
      value.catch(() => (this.cached = undefined));
      this.cached = { at: now, value };
    }
    return this.cached.value;
  }

  private fleetGauge(name: string, help: string, registers: Registry[], pick: (s: FleetSnapshot) => number): void {
    const snapshot = () => this.snapshot();
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        this.set(pick(await snapshot()));
      },
    });
  }

  private moduleGauge(
    name: string,
    help: string,
    registers: Registry[],
    pick: (m: FleetSnapshot['modules'][number]) => number,
  ): void {
    const snapshot = () => this.snapshot();
    new Gauge({
      name,
      help,
      labelNames: ['module'],
      registers,
      async collect() {
        const { modules } = await snapshot();
        this.reset();
        for (const module of modules) this.set({ module: module.module }, pick(module));
      },
    });
  }
}

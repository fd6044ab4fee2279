import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CacheService } from '../../cache/cache.service.js';
import { CacheKind, cacheKey } from '../../cache/cache-ttl.policy.js';
import { isoUtc } from '../../orchestrator/dto/format.js';
import { DatabaseBreakerGuard } from '../../state/database-breaker.guard.js';
import { JobRunner } from '../../state/job-runner.service.js';
import {
  type DashboardFigures,
  type FleetSnapshot,
  FleetMetricsRepository,
} from '../../state/repositories/fleet-metrics.repository.js';
import { AlertsService } from '../alerts/alerts.service.js';
import type { AlertDto } from '../alerts/dto/alert.dto.js';
import { HealthState, type ProbeName, type ProbeResult } from '../health/health-state.service.js';
import { Operation } from '../metrics/operations.js';
import { PerformanceTracker } from '../metrics/performance-tracker.service.js';
import { DeliveryStatsRepository } from '../../notification/deliveries/delivery-stats.repository.js';

export type SystemStatus = 'HEALTHY' | 'DEGRADED' | 'UNHEALTHY';

/** The database's part of the dashboard, shared by every instance through the cache for 30 s. */
interface FleetFigures {
  computed_at: string;
  robots: FleetSnapshot['robots'];
  active_executions: number;
  queue_depth: number;
  oldest_pending_seconds: number | null;
  modules: Array<Omit<DashboardFigures['modules'][number], 'last_health_check'> & { last_health_check: string | null }>;
  last_hour: DashboardFigures['last_hour'];
  failures_by_category: Record<string, number>;
  unroutable_robot_types: DashboardFigures['unroutable_robot_types'];
}

/** One minute of this instance's request latency, kept for the last hour. */
interface MinuteLatency {
  minute: string;
  requests: number;
  p95_ms: number | null;
}

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const NON_TERMINAL = ['PENDING', 'PROCESSING', 'RETRYING'];
/** Operations inside a request (statements, cache calls): not requests themselves. */
const INTERNAL_OPERATIONS = new Set<string>([Operation.DatabaseQuery, Operation.CacheOperation]);

/**
 * The seeds' MetricsDashboardMVP.get_system_health: exactly its fields (system_status,
 * active_robots, module_health, performance_metrics, error_rates, cache_statistics,
 * database_status) plus resource_usage.
 *
 * Cost: the database figures come from two queries on the read pool, cached for the seeds'
 * system-health TTL (30 s) in the shared cache, so N dashboards and M instances cost two queries
 * per 30 s; the rest (operation latencies, cache and pool counts, probes, process usage) is this
 * instance's memory, read fresh on each call.
 */
@Injectable()
export class DashboardService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly minutes: MinuteLatency[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly fleet: FleetMetricsRepository,
    private readonly cache: CacheService,
    private readonly tracker: PerformanceTracker,
    private readonly health: HealthState,
    private readonly breaker: DatabaseBreakerGuard,
    private readonly runner: JobRunner,
    private readonly alerts: AlertsService,
    private readonly deliveries: DeliveryStatsRepository,
  ) {}

  onApplicationBootstrap(): void {
    // The tracker keeps a rolling minute; its snapshot once a minute is that minute's latency.
    this.timer = setInterval(() => this.recordMinute(), MINUTE_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async dashboard() {
    const [fleet, probes, alerts, notifications] = await Promise.all([
      this.fleetFigures(),
      this.health.current(),
      this.alerts.active(),
      this.notificationFigures(),
    ]);
    const operations = this.tracker.snapshot();
    const byStatus = Object.fromEntries(NON_TERMINAL.map((status) => [status, 0])) as Record<string, number>;
    for (const row of fleet.robots) byStatus[row.status] = (byStatus[row.status] ?? 0) + row.count;
    const requests = operations.filter((op) => !INTERNAL_OPERATIONS.has(op.operation));
    const calls = requests.reduce((sum, op) => sum + op.count, 0);
    const failedCalls = requests.reduce((sum, op) => sum + op.count * (1 - op.success_rate), 0);
    const finished = fleet.last_hour.reduce((sum, m) => sum + m.robots_completed + m.robots_failed, 0);
    const failed = fleet.last_hour.reduce((sum, m) => sum + m.robots_failed, 0);
    const cache = this.cache.stats();
    return {
      generated_at: new Date().toISOString(),
      fleet_figures_at: fleet.computed_at,
      instance_id: this.runner.instanceId,
      system_status: this.systemStatus(probes, fleet, alerts),
      active_robots: {
        total_active: NON_TERMINAL.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0),
        by_status: byStatus,
        running_executions: fleet.active_executions,
        queue_depth: fleet.queue_depth,
        oldest_pending_seconds: fleet.oldest_pending_seconds === null ? null : Math.round(fleet.oldest_pending_seconds),
        unroutable_robot_types: fleet.unroutable_robot_types,
      },
      module_health: this.moduleHealth(fleet),
      performance_metrics: {
        window_seconds: 60,
        operations,
        last_hour: this.lastHour(fleet),
      },
      error_rates: {
        http_error_rate: calls === 0 ? 0 : round(failedCalls / calls, 4),
        robot_failure_rate_1h: finished === 0 ? 0 : round(failed / finished, 4),
        by_error_category: fleet.failures_by_category,
      },
      cache_statistics: {
        backend: cache.backend,
        hits: cache.hits,
        misses: cache.misses,
        hit_rate: round(cache.hit_rate, 4),
      },
      database_status: {
        status: probes.database.status,
        engine: probes.database.engine ?? null,
        pools: probes.database.pools ?? null,
        breaker_state: this.breaker.state,
        checked_at: probes.database.checked_at,
      },
      resource_usage: this.health.processUsage(),
      active_alerts: {
        firing: alerts.length,
        critical: alerts.filter((alert) => alert.severity === 'CRITICAL').length,
        items: alerts,
      },
      notifications,
    };
  }

  /** Notifications by channel over the last hour, the queue, disabled subscriptions: shared for 30 s too. */
  private notificationFigures() {
    return this.cache.getOrLoad(cacheKey(CacheKind.SystemHealth, 'dashboard-notifications'), async () => ({
      computed_at: new Date().toISOString(),
      ...(await this.deliveries.dashboard()),
    }));
  }

  /** The admin's detailed view: every probe with its figures, and which modules are not healthy. */
  async detailedHealth() {
    const [fleet, probes, alerts] = await Promise.all([
      this.fleetFigures(),
      this.health.current(),
      this.alerts.active(),
    ]);
    const modules = this.moduleHealth(fleet);
    return {
      status: this.systemStatus(probes, fleet, alerts),
      firing_alerts: alerts,
      instance_id: this.runner.instanceId,
      checked_at: new Date().toISOString(),
      probes,
      database_breaker: this.breaker.state,
      resource_usage: this.health.processUsage(),
      modules: {
        total: modules.total,
        by_health: modules.by_health,
        attention: modules.modules.filter((m) => m.health_status !== 'HEALTHY' || m.breaker_state !== 'CLOSED'),
      },
    };
  }

  /**
   * UNHEALTHY when the database is down or its breaker open; DEGRADED when another probe is down,
   * a module is UNHEALTHY or quarantined, or a CRITICAL alert fires; else HEALTHY.
   */
  private systemStatus(probes: Record<ProbeName, ProbeResult>, fleet: FleetFigures, alerts: AlertDto[]): SystemStatus {
    if (probes.database.status === 'down' || this.breaker.state === 'OPEN') return 'UNHEALTHY';
    const probeDown = Object.values(probes).some((probe) => probe.status === 'down');
    const moduleTrouble = fleet.modules.some((m) => m.health_status === 'UNHEALTHY' || m.breaker_state === 'OPEN');
    const critical = alerts.some((alert) => alert.severity === 'CRITICAL');
    return probeDown || moduleTrouble || critical ? 'DEGRADED' : 'HEALTHY';
  }

  private moduleHealth(fleet: FleetFigures) {
    const byHealth: Record<string, number> = { HEALTHY: 0, DEGRADED: 0, UNHEALTHY: 0, UNKNOWN: 0 };
    for (const m of fleet.modules) byHealth[m.health_status] = (byHealth[m.health_status] ?? 0) + 1;
    return { total: fleet.modules.length, by_health: byHealth, modules: fleet.modules };
  }

  /** Sixty minutes, oldest first: robots from the database, p95 latency from this instance. */
  private lastHour(fleet: FleetFigures) {
    const activity = new Map(fleet.last_hour.map((m) => [m.minute, m]));
    const latency = new Map(this.minutes.map((m) => [m.minute, m]));
    const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    // The minute under way: the tracker's rolling minute, so a fresh instance shows latency at once.
    const current = this.minuteOf(new Date(now));
    latency.set(current.minute, current);
    return Array.from({ length: HOUR_MINUTES }, (_, i) => {
      const minute = new Date(now - (HOUR_MINUTES - 1 - i) * MINUTE_MS).toISOString().replace('.000Z', 'Z');
      const robots = activity.get(minute);
      return {
        minute,
        robots_created: robots?.robots_created ?? 0,
        robots_completed: robots?.robots_completed ?? 0,
        robots_failed: robots?.robots_failed ?? 0,
        requests: latency.get(minute)?.requests ?? null,
        p95_ms: latency.get(minute)?.p95_ms ?? null,
      };
    });
  }

  private fleetFigures(): Promise<FleetFigures> {
    return this.cache.getOrLoad(cacheKey(CacheKind.SystemHealth, 'dashboard'), async () => {
      const [snapshot, figures] = await Promise.all([this.fleet.snapshot(), this.fleet.dashboard()]);
      return {
        computed_at: new Date().toISOString(),
        robots: snapshot.robots,
        active_executions: snapshot.active_executions,
        queue_depth: snapshot.queue_depth,
        oldest_pending_seconds: snapshot.oldest_pending_seconds,
        modules: figures.modules.map((m) => ({ ...m, last_health_check: isoUtc(m.last_health_check) })),
        last_hour: figures.last_hour,
        failures_by_category: figures.failures_by_category,
        unroutable_robot_types: figures.unroutable_robot_types,
      };
    });
  }

  /** The minute that just ended, kept for the hour. */
  private recordMinute(): void {
    this.minutes.push(this.minuteOf(new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - MINUTE_MS)));
    if (this.minutes.length > HOUR_MINUTES) this.minutes.shift();
  }

  /** The tracker's rolling minute as `minute`'s figures: API requests and the highest p95 among them. */
  private minuteOf(minute: Date): MinuteLatency {
    const api = this.tracker.snapshot().filter((op) => op.count > 0 && !INTERNAL_OPERATIONS.has(op.operation));
    return {
      minute: minute.toISOString().replace('.000Z', 'Z'),
      requests: api.reduce((sum, op) => sum + op.count, 0),
      p95_ms: api.length === 0 ? null : Math.max(...api.map((op) => op.p95_ms)),
    };
  }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

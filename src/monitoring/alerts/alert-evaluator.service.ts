import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CacheService } from '../../cache/cache.service.js';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DatabaseBreakerGuard } from '../../state/database-breaker.guard.js';
import { READ_DATA_SOURCE } from '../../state/data-source.js';
import { DatabaseProbe } from '../../state/database.probe.js';
import { JobRunner } from '../../state/job-runner.service.js';
import { EventType } from '../../core/events/event-catalogue.js';
import { OutboxRelay } from '../../state/outbox-relay.service.js';
import { FleetMetricsRepository } from '../../state/repositories/fleet-metrics.repository.js';
import {
  type AlertChange,
  type AlertEvaluation,
  MonitoringAlertsRepository,
} from '../../state/repositories/monitoring-alerts.repository.js';
import { DeliveryStatsRepository } from '../../notification/deliveries/delivery-stats.repository.js';
import { PerformanceTracker } from '../metrics/performance-tracker.service.js';
import {
  AlertRule,
  type AlertThresholds,
  FLEET_RULES,
  fleetConditions,
  INSTANCE_RULES,
  instanceConditions,
} from './alert-rules.js';
import { ForecastRepository } from '../../state/repositories/forecast.repository.js';
import { BackupAlertFigures } from './backup-alert-figures.js';
import { MailboxAlertFigures } from './mailbox-alert-figures.js';

const MODULE_RULES = [AlertRule.ModuleUnhealthy, AlertRule.ModuleBreakerOpen];
/** An instance's alerts not evaluated for this many intervals belong to an instance that is gone. */
const STALE_AFTER_INTERVALS = 4;

/**
 * Judges the alert rules and records what changed (see MonitoringAlertsRepository.apply): this
 * instance's own figures on every call of `evaluateInstance`, the fleet's figures from the database
 * on `evaluateFleet` (AlertsJob runs that on one instance per tick). Every change also writes an
 * `alert.fired` / `alert.resolved` outbox event, which the relay publishes to in-process subscribers.
 */
@Injectable()
export class AlertEvaluator {
  private readonly logger = new Logger(AlertEvaluator.name);
  private readonly thresholds: AlertThresholds;
  private readonly cooldownSeconds: number;
  private readonly intervalMs: number;
  /** Cache counters at the previous evaluation: the hit rate is judged on the lookups since then. */
  private lastCache: { hits: number; misses: number };
  private readonly mailboxes: MailboxAlertFigures;
  /** Undefined when backups are not scheduled: the rule is then not judged. */
  private readonly backups?: BackupAlertFigures;
  private readonly slaEnabled: boolean;

  constructor(
    private readonly alerts: MonitoringAlertsRepository,
    private readonly tracker: PerformanceTracker,
    private readonly cache: CacheService,
    private readonly database: DatabaseProbe,
    private readonly breaker: DatabaseBreakerGuard,
    private readonly fleet: FleetMetricsRepository,
    private readonly runner: JobRunner,
    private readonly relay: OutboxRelay,
    private readonly deliveries: DeliveryStatsRepository,
    private readonly forecasts: ForecastRepository,
    config: AppConfig,
    @InjectDataSource(READ_DATA_SOURCE) reader: DataSource,
  ) {
    this.mailboxes = new MailboxAlertFigures(reader);
    if (config.get('BACKUP_CRON') !== 'off') this.backups = new BackupAlertFigures(reader);
    this.slaEnabled = config.get('SLA_CHECK_INTERVAL_MS') > 0;
    this.thresholds = {
      responseTimeMs: config.get('ALERT_RESPONSE_TIME_MS'),
      errorRateMax: config.get('ALERT_ERROR_RATE_MAX'),
      cacheHitRateMin: config.get('ALERT_CACHE_HIT_RATE_MIN'),
      dbPoolUsageMax: config.get('ALERT_DB_POOL_USAGE_MAX'),
      pendingMaxAgeSeconds: config.get('ALERT_PENDING_MAX_AGE_SECONDS'),
      notificationDeadMax: config.get('NOTIFY_ALERT_DEAD_THRESHOLD'),
      notificationDeadWindowSeconds: config.get('NOTIFY_ALERT_DEAD_WINDOW_SECONDS'),
      notificationQueueMaxAgeSeconds: config.get('NOTIFY_ALERT_OLDEST_PENDING_SECONDS'),
      mailboxUnwatchedSeconds: config.get('EMAIL_UNHEALTHY_AFTER_SECONDS'),
      backupStaleSeconds: config.get('BACKUP_STALE_AFTER_HOURS') * 3600,
      minSamples: config.get('ALERT_MIN_SAMPLES'),
    };
    this.cooldownSeconds = config.get('ALERT_COOLDOWN_SECONDS');
    this.intervalMs = config.get('ALERT_EVALUATION_INTERVAL_MS');
    const { hits, misses } = cache.stats();
    this.lastCache = { hits, misses };
  }

  get instanceId(): string {
    return this.runner.instanceId;
  }

  /** This instance's rules: response time, error rate, cache hit rate, pool usage, database breaker. */
  async evaluateInstance(): Promise<AlertChange[]> {
    const { hits, misses } = this.cache.stats();
    const cache = { hits: hits - this.lastCache.hits, misses: misses - this.lastCache.misses };
    this.lastCache = { hits, misses };
    const pools = this.database.pools();
    const { holding, unjudged } = instanceConditions(
      {
        instanceId: this.runner.instanceId,
        operations: this.tracker.snapshot(),
        cache,
        pools: Object.fromEntries(
          Object.entries(pools).map(([name, p]) => [name, { inUse: p.total - p.idle, max: p.max }]),
        ),
        dbBreaker: this.breaker.state,
      },
      this.thresholds,
    );
    return this.record({ rules: INSTANCE_RULES, subject: this.runner.instanceId, holding, unjudged });
  }

  /**
   * The fleet's rules, from the database: modules UNHEALTHY or quarantined, the oldest PENDING
   * robot, notification dead letters and queue age, mailboxes UNHEALTHY or unwatched, backups
   * failing or overdue.
   */
  async evaluateFleet(): Promise<AlertChange[]> {
    const [snapshot, deliveries, mailboxes, backups, sla] = await Promise.all([
      this.fleet.alertFigures(),
      this.deliveries.alertFigures(this.thresholds.notificationDeadWindowSeconds),
      this.mailboxes.active(),
      this.backups?.latest(),
      this.slaEnabled ? this.forecasts.slaFigures() : undefined,
    ]);
    const holding = fleetConditions(
      {
        oldestPendingSeconds: snapshot.oldest_pending_seconds,
        modules: snapshot.modules,
        notifications: {
          deadInWindow: deliveries.dead_in_window,
          oldestPendingSeconds: deliveries.oldest_pending_seconds,
        },
        mailboxes,
        backups,
        sla,
      },
      this.thresholds,
    );
    return this.record({
      rules: FLEET_RULES,
      holding,
      stale: { rules: INSTANCE_RULES, afterSeconds: (STALE_AFTER_INTERVALS * this.intervalMs) / 1000 },
    });
  }

  private async record(
    evaluation: Pick<AlertEvaluation, 'rules' | 'subject' | 'holding' | 'unjudged' | 'stale'>,
  ): Promise<AlertChange[]> {
    const changes = await this.alerts.apply({
      ...evaluation,
      cooldownSeconds: this.cooldownSeconds,
      moduleRules: MODULE_RULES,
    });
    for (const change of changes) {
      const verb = change.event_type === EventType.AlertFired ? 'fired' : 'resolved';
      this.logger.warn(`alert ${change.rule} ${verb} for ${change.subject} (#${change.alert_id})`);
    }
    if (changes.length > 0) this.relay.kick();
    return changes;
  }
}

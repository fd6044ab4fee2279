import { Operation } from '../metrics/operations.js';
import type { OperationStats } from '../metrics/performance-tracker.service.js';

export enum AlertRule {
  ResponseTime = 'response_time',
  ErrorRate = 'error_rate',
  CacheHitRate = 'cache_hit_rate',
  DbPoolUsage = 'db_pool_usage',
  DbBreakerOpen = 'db_breaker_open',
  ModuleUnhealthy = 'module_unhealthy',
  ModuleBreakerOpen = 'module_breaker_open',
  PendingAge = 'pending_age',
  NotificationDeadLetters = 'notification_dead_letters',
  NotificationQueueAge = 'notification_queue_age',
  MailboxUnhealthy = 'mailbox_unhealthy',
  BackupFailing = 'backup_failing',
  SlaAtRisk = 'sla_at_risk',
}

export enum AlertSeverity {
  Warning = 'WARNING',
  Critical = 'CRITICAL',
}

/** Judged by every instance on its own figures; the subject is the instance id. */
export const INSTANCE_RULES = [
  AlertRule.ResponseTime,
  AlertRule.ErrorRate,
  AlertRule.CacheHitRate,
  AlertRule.DbPoolUsage,
  AlertRule.DbBreakerOpen,
];
/** Judged once per tick from the database; the subject is a module name or 'fleet'. */
export const FLEET_RULES = [
  AlertRule.ModuleUnhealthy,
  AlertRule.ModuleBreakerOpen,
  AlertRule.PendingAge,
  AlertRule.NotificationDeadLetters,
  AlertRule.NotificationQueueAge,
  AlertRule.MailboxUnhealthy,
  AlertRule.BackupFailing,
  AlertRule.SlaAtRisk,
];
export const FLEET_SUBJECT = 'fleet';

export interface AlertThresholds {
  responseTimeMs: number;
  errorRateMax: number;
  cacheHitRateMin: number;
  dbPoolUsageMax: number;
  pendingMaxAgeSeconds: number;
  /** Notifications: more DEAD deliveries than this within `notificationDeadWindowSeconds`. */
  notificationDeadMax: number;
  notificationDeadWindowSeconds: number;
  /** Notifications: a due delivery waiting longer than this. */
  notificationQueueMaxAgeSeconds: number;
  /** Mailboxes: an ACTIVE one no instance has watched for longer than this (EMAIL_UNHEALTHY_AFTER_SECONDS). */
  mailboxUnwatchedSeconds: number;
  /** Backups: no verified backup for longer than this (BACKUP_STALE_AFTER_HOURS). */
  backupStaleSeconds: number;
  /** Fewer calls or lookups than this in the window are not judged (one slow call is no trend). */
  minSamples: number;
}

/** A condition that holds now. Conditions of the evaluated rules that are not listed have cleared. */
export interface AlertCondition {
  rule: AlertRule;
  subject: string;
  severity: AlertSeverity;
  message: string;
  value: number;
  threshold: number;
  details: Record<string, unknown>;
}

export interface InstanceFigures {
  instanceId: string;
  /** The PerformanceTracker's rolling minute. */
  operations: OperationStats[];
  /** Cache lookups since the previous evaluation. */
  cache: { hits: number; misses: number };
  pools: Record<string, { inUse: number; max: number }>;
  dbBreaker: 'CLOSED' | 'OPEN' | 'HALF_OPEN';
}

/**
 * What an instance evaluation found. A rule with a few samples, but fewer than the minimum, is
 * unjudged: its alert keeps its state (a trickle of calls is no evidence either way). With no
 * samples at all it is judged clear: an idle instance is neither slow nor failing.
 */
export interface InstanceJudgement {
  holding: AlertCondition[];
  unjudged: AlertRule[];
}

export interface FleetFigures {
  oldestPendingSeconds: number | null;
  modules: { module: string; health: string; breaker: string }[];
  /** Absent when not judged (the notification rules then keep their state). */
  notifications?: { deadInWindow: number; oldestPendingSeconds: number };
  /** The ACTIVE mailboxes; absent when not judged. */
  mailboxes?: MailboxFigure[];
  /** Absent when backups are not scheduled (BACKUP_CRON=off). */
  backups?: BackupFigure;
  /** Open robots with deadlines per robot type; absent when SLA checks are off. */
  sla?: SlaFigure[];
}

export interface SlaFigure {
  robot_type: string;
  /** Open robots flagged `robot.sla_at_risk`. */
  at_risk: number;
  /** Open robots whose deadline has passed. */
  past_deadline: number;
}

export interface BackupFigure {
  /** Seconds since the newest verified backup started; null when there is none. */
  last_verified_age_seconds: number | null;
  /** Seconds since the first backup was tried; null when none ever was. */
  first_age_seconds: number | null;
  /** The newest finished backup's status and error. */
  last_status: string | null;
  last_error: string | null;
}

export interface MailboxFigure {
  mailbox_id: string;
  name: string;
  health: string;
  last_error: string | null;
  /** Seconds since the last live lease ended (0 while an instance holds one). */
  unwatched_seconds: number;
}

/** Operations answered over HTTP: database statements and cache calls are not response times. */
const INTERNAL = new Set<Operation>([Operation.DatabaseQuery, Operation.CacheOperation]);

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
const percent = (share: number) => `${round(share * 100, 1)} %`;

export function instanceConditions(figures: InstanceFigures, limits: AlertThresholds): InstanceJudgement {
  const subject = figures.instanceId;
  const conditions: AlertCondition[] = [];
  const unjudged: AlertRule[] = [];
  const tooFew = (samples: number) => samples > 0 && samples < limits.minSamples;
  const http = figures.operations.filter((op) => !INTERNAL.has(op.operation) && op.count > 0);
  if (http.length > 0 && http.every((op) => tooFew(op.count))) unjudged.push(AlertRule.ResponseTime);

  const slowest = http
    .filter((op) => op.count >= limits.minSamples)
    .reduce<OperationStats | undefined>((worst, op) => (!worst || op.p95_ms > worst.p95_ms ? op : worst), undefined);
  if (slowest && slowest.p95_ms > limits.responseTimeMs) {
    conditions.push({
      rule: AlertRule.ResponseTime,
      subject,
      severity: AlertSeverity.Warning,
      message: `p95 response time of ${slowest.operation} is ${round(slowest.p95_ms, 1)} ms (> ${limits.responseTimeMs} ms)`,
      value: round(slowest.p95_ms),
      threshold: limits.responseTimeMs,
      details: { operation: slowest.operation, count: slowest.count, window_seconds: 60 },
    });
  }

  const calls = http.reduce((sum, op) => sum + op.count, 0);
  const failed = Math.round(http.reduce((sum, op) => sum + op.count * (1 - op.success_rate), 0));
  if (tooFew(calls)) unjudged.push(AlertRule.ErrorRate);
  if (calls >= limits.minSamples && failed / calls > limits.errorRateMax) {
    conditions.push({
      rule: AlertRule.ErrorRate,
      subject,
      severity: AlertSeverity.Critical,
      message: `${percent(failed / calls)} of calls answered 5xx (> ${percent(limits.errorRateMax)})`,
      value: round(failed / calls),
      threshold: limits.errorRateMax,
      details: { calls, failed, window_seconds: 60 },
    });
  }

  const lookups = figures.cache.hits + figures.cache.misses;
  const hitRate = lookups === 0 ? 1 : figures.cache.hits / lookups;
  if (tooFew(lookups)) unjudged.push(AlertRule.CacheHitRate);
  if (lookups >= limits.minSamples && hitRate < limits.cacheHitRateMin) {
    conditions.push({
      rule: AlertRule.CacheHitRate,
      subject,
      severity: AlertSeverity.Warning,
      message: `cache hit rate ${percent(hitRate)} (< ${percent(limits.cacheHitRateMin)})`,
      value: round(hitRate),
      threshold: limits.cacheHitRateMin,
      details: { ...figures.cache },
    });
  }

  const [busiest, usage] = Object.entries(figures.pools)
    .map(([pool, p]) => [pool, p.max > 0 ? p.inUse / p.max : 0] as const)
    .reduce<readonly [string, number]>((worst, entry) => (entry[1] > worst[1] ? entry : worst), ['', 0]);
  if (usage > limits.dbPoolUsageMax) {
    const pool = figures.pools[busiest];
    conditions.push({
      rule: AlertRule.DbPoolUsage,
      subject,
      severity: AlertSeverity.Critical,
      message: `${busiest} pool ${pool.inUse} of ${pool.max} connections in use (> ${percent(limits.dbPoolUsageMax)})`,
      value: round(usage),
      threshold: limits.dbPoolUsageMax,
      details: { pool: busiest, in_use: pool.inUse, max: pool.max },
    });
  }

  if (figures.dbBreaker === 'OPEN') {
    conditions.push({
      rule: AlertRule.DbBreakerOpen,
      subject,
      severity: AlertSeverity.Critical,
      message: 'database circuit breaker is open: writes are answered 503',
      value: 1,
      threshold: 1,
      details: { state: figures.dbBreaker },
    });
  }
  return { holding: conditions, unjudged };
}

export function fleetConditions(figures: FleetFigures, limits: AlertThresholds): AlertCondition[] {
  const conditions: AlertCondition[] = [];
  for (const m of figures.modules) {
    if (m.health === 'UNHEALTHY') {
      conditions.push({
        rule: AlertRule.ModuleUnhealthy,
        subject: m.module,
        severity: AlertSeverity.Critical,
        message: `module ${m.module} is UNHEALTHY: out of routing`,
        value: 1,
        threshold: 1,
        details: { health: m.health },
      });
    }
    if (m.breaker === 'OPEN') {
      conditions.push({
        rule: AlertRule.ModuleBreakerOpen,
        subject: m.module,
        severity: AlertSeverity.Warning,
        message: `module ${m.module} circuit breaker is open: quarantined`,
        value: 1,
        threshold: 1,
        details: { breaker: m.breaker },
      });
    }
  }
  const age = figures.oldestPendingSeconds;
  if (age !== null && age > limits.pendingMaxAgeSeconds) {
    conditions.push({
      rule: AlertRule.PendingAge,
      subject: FLEET_SUBJECT,
      severity: AlertSeverity.Warning,
      message: `oldest PENDING robot has waited ${Math.round(age)} s (> ${limits.pendingMaxAgeSeconds} s)`,
      value: round(age, 1),
      threshold: limits.pendingMaxAgeSeconds,
      details: {},
    });
  }
  const notifications = figures.notifications;
  if (notifications && notifications.deadInWindow > limits.notificationDeadMax) {
    const minutes = Math.round(limits.notificationDeadWindowSeconds / 60);
    conditions.push({
      rule: AlertRule.NotificationDeadLetters,
      subject: FLEET_SUBJECT,
      severity: AlertSeverity.Warning,
      message: `${notifications.deadInWindow} notification deliveries went DEAD in the last ${minutes} min (> ${limits.notificationDeadMax})`,
      value: notifications.deadInWindow,
      threshold: limits.notificationDeadMax,
      details: { window_seconds: limits.notificationDeadWindowSeconds },
    });
  }
  if (notifications && notifications.oldestPendingSeconds > limits.notificationQueueMaxAgeSeconds) {
    conditions.push({
      rule: AlertRule.NotificationQueueAge,
      subject: FLEET_SUBJECT,
      severity: AlertSeverity.Warning,
      message: `a notification delivery has waited ${Math.round(notifications.oldestPendingSeconds)} s past its due time (> ${limits.notificationQueueMaxAgeSeconds} s)`,
      value: round(notifications.oldestPendingSeconds, 1),
      threshold: limits.notificationQueueMaxAgeSeconds,
      details: {},
    });
  }
  for (const mailbox of figures.mailboxes ?? []) {
    const condition = mailboxCondition(mailbox, limits);
    if (condition) conditions.push(condition);
  }
  const backup = figures.backups && backupCondition(figures.backups, limits);
  if (backup) conditions.push(backup);
  for (const sla of figures.sla ?? []) {
    if (sla.at_risk === 0 && sla.past_deadline === 0) continue;
    conditions.push({
      rule: AlertRule.SlaAtRisk,
      subject: sla.robot_type,
      severity: sla.past_deadline > 0 ? AlertSeverity.Critical : AlertSeverity.Warning,
      message: `${sla.at_risk} open ${sla.robot_type} robot(s) at risk of missing their deadline, ${sla.past_deadline} already past it`,
      value: Math.max(sla.at_risk, sla.past_deadline),
      threshold: 1,
      details: { at_risk: sla.at_risk, past_deadline: sla.past_deadline },
    });
  }
  return conditions;
}

/** The newest backup failed, or none has been verified for longer than the threshold. */
function backupCondition(backups: BackupFigure, limits: AlertThresholds): AlertCondition | null {
  const details = { last_status: backups.last_status, last_error: backups.last_error };
  if (backups.last_status === 'FAILED') {
    return {
      rule: AlertRule.BackupFailing,
      subject: FLEET_SUBJECT,
      severity: AlertSeverity.Critical,
      message: `the last backup failed: ${backups.last_error ?? 'no error recorded'}`,
      value: 1,
      threshold: 1,
      details,
    };
  }
  const age = backups.last_verified_age_seconds ?? backups.first_age_seconds;
  if (age !== null && age > limits.backupStaleSeconds) {
    const hours = (seconds: number) => Math.round(seconds / 360) / 10;
    return {
      rule: AlertRule.BackupFailing,
      subject: FLEET_SUBJECT,
      severity: AlertSeverity.Warning,
      message: `no verified backup for ${hours(age)} h (> ${hours(limits.backupStaleSeconds)} h)`,
      value: round(age, 1),
      threshold: limits.backupStaleSeconds,
      details,
    };
  }
  return null;
}

/** An ACTIVE mailbox whose watcher cannot connect (UNHEALTHY), or that no instance watches. */
function mailboxCondition(mailbox: MailboxFigure, limits: AlertThresholds): AlertCondition | null {
  const details = { mailbox_id: mailbox.mailbox_id, health: mailbox.health, last_error: mailbox.last_error };
  if (mailbox.health === 'UNHEALTHY') {
    return {
      rule: AlertRule.MailboxUnhealthy,
      subject: mailbox.name,
      severity: AlertSeverity.Critical,
      message: `mailbox ${mailbox.name} is UNHEALTHY: no mail is taken in (${mailbox.last_error ?? 'no error recorded'})`,
      value: 1,
      threshold: 1,
      details,
    };
  }
  if (mailbox.unwatched_seconds > limits.mailboxUnwatchedSeconds) {
    return {
      rule: AlertRule.MailboxUnhealthy,
      subject: mailbox.name,
      severity: AlertSeverity.Warning,
      message: `mailbox ${mailbox.name} is ACTIVE but no instance has watched it for ${Math.round(mailbox.unwatched_seconds)} s (> ${limits.mailboxUnwatchedSeconds} s)`,
      value: round(mailbox.unwatched_seconds, 1),
      threshold: limits.mailboxUnwatchedSeconds,
      details,
    };
  }
  return null;
}

import { describe, expect, it } from '@jest/globals';
import { Operation } from '../metrics/operations.js';
import type { OperationStats } from '../metrics/performance-tracker.service.js';
import {
  AlertRule,
  type BackupFigure,
  type AlertThresholds,
  fleetConditions,
  type InstanceFigures,
  instanceConditions,
} from './alert-rules.js';

const LIMITS: AlertThresholds = {
  responseTimeMs: 500,
  errorRateMax: 0.05,
  cacheHitRateMin: 0.6,
  dbPoolUsageMax: 0.9,
  pendingMaxAgeSeconds: 300,
  notificationDeadMax: 0,
  notificationDeadWindowSeconds: 900,
  notificationQueueMaxAgeSeconds: 300,
  mailboxUnwatchedSeconds: 300,
  backupStaleSeconds: 26 * 3600,
  minSamples: 20,
};

const op = (operation: Operation, count: number, p95: number, successRate = 1): OperationStats => ({
  operation,
  count,
  success_rate: successRate,
  throughput: count / 60,
  p50_ms: p95 / 2,
  p95_ms: p95,
  p99_ms: p95,
});

const quiet: InstanceFigures = {
  instanceId: 'host:1:abcd',
  operations: [],
  cache: { hits: 0, misses: 0 },
  pools: { write: { inUse: 0, max: 5 }, read: { inUse: 0, max: 10 } },
  dbBreaker: 'CLOSED',
};

const rules = (figures: Partial<InstanceFigures>) =>
  instanceConditions({ ...quiet, ...figures }, LIMITS).holding.map((c) => c.rule);
const unjudged = (figures: Partial<InstanceFigures>) => instanceConditions({ ...quiet, ...figures }, LIMITS).unjudged;

describe('instance alert rules', () => {
  it('holds nothing for an idle, healthy instance', () => {
    expect(instanceConditions(quiet, LIMITS)).toEqual({ holding: [], unjudged: [] });
  });

  it('judges the slowest API operation by p95, above (not at) the threshold, on enough calls', () => {
    const [slow] = instanceConditions(
      { ...quiet, operations: [op(Operation.StatusRead, 50, 120), op(Operation.RobotCreation, 30, 812.34)] },
      LIMITS,
    ).holding;
    expect(slow).toMatchObject({
      rule: AlertRule.ResponseTime,
      subject: 'host:1:abcd',
      value: 812.34,
      threshold: 500,
      details: { operation: 'robot_creation', count: 30 },
    });
    expect(rules({ operations: [op(Operation.RobotCreation, 30, 500)] })).toEqual([]);
    expect(rules({ operations: [op(Operation.RobotCreation, 19, 5_000)] })).toEqual([]);
  });

  it('does not count database statements or cache calls as response times or API errors', () => {
    expect(
      rules({ operations: [op(Operation.DatabaseQuery, 500, 9_000, 0.5), op(Operation.CacheOperation, 500, 900, 0)] }),
    ).toEqual([]);
  });

  it('fires the error rate above 5 % of API calls across operations', () => {
    // 3 failures in 40 calls = 7.5 %; 2 in 40 = 5 %, not above.
    const failing = [op(Operation.HealthCheck, 20, 1, 0.85), op(Operation.StatusRead, 20, 1, 1)];
    const [alert] = instanceConditions({ ...quiet, operations: failing }, LIMITS).holding;
    expect(alert).toMatchObject({ rule: AlertRule.ErrorRate, value: 0.075, details: { calls: 40, failed: 3 } });
    expect(rules({ operations: [op(Operation.HealthCheck, 20, 1, 0.9), op(Operation.StatusRead, 20, 1)] })).toEqual([]);
    expect(rules({ operations: [op(Operation.HealthCheck, 10, 1, 0)] })).toEqual([]);
  });

  it('fires the cache hit rate below 60 % only on enough lookups', () => {
    expect(rules({ cache: { hits: 11, misses: 9 } })).toEqual([AlertRule.CacheHitRate]);
    expect(rules({ cache: { hits: 12, misses: 8 } })).toEqual([]);
    expect(rules({ cache: { hits: 0, misses: 19 } })).toEqual([]);
  });

  it('leaves a rule unjudged on a few samples, but judges no samples at all as clear', () => {
    expect(unjudged({ cache: { hits: 0, misses: 19 } })).toEqual(['cache_hit_rate']);
    expect(unjudged({ operations: [op(Operation.HealthCheck, 4, 900, 0)] })).toEqual(['response_time', 'error_rate']);
    // One operation with enough calls judges the response time; the calls together judge the error rate.
    expect(unjudged({ operations: [op(Operation.HealthCheck, 4, 900), op(Operation.StatusRead, 20, 1)] })).toEqual([]);
    expect(unjudged({})).toEqual([]);
  });

  it('fires pool usage above 90 % of either pool, naming the busiest', () => {
    const [alert] = instanceConditions(
      { ...quiet, pools: { write: { inUse: 4, max: 5 }, read: { inUse: 10, max: 10 } } },
      LIMITS,
    ).holding;
    expect(alert).toMatchObject({ rule: AlertRule.DbPoolUsage, value: 1, details: { pool: 'read', in_use: 10 } });
    expect(rules({ pools: { write: { inUse: 9, max: 10 } } })).toEqual([]);
  });

  it('fires while the database breaker is OPEN, not HALF_OPEN', () => {
    expect(rules({ dbBreaker: 'OPEN' })).toEqual([AlertRule.DbBreakerOpen]);
    expect(rules({ dbBreaker: 'HALF_OPEN' })).toEqual([]);
  });
});

describe('fleet alert rules', () => {
  it('fires per UNHEALTHY or quarantined module and for a robot pending too long', () => {
    const conditions = fleetConditions(
      {
        oldestPendingSeconds: 301,
        modules: [
          { module: 'Ocr', health: 'UNHEALTHY', breaker: 'OPEN' },
          { module: 'Mail', health: 'DEGRADED', breaker: 'HALF_OPEN' },
        ],
      },
      LIMITS,
    );
    expect(conditions.map((c) => `${c.rule}:${c.subject}`)).toEqual([
      'module_unhealthy:Ocr',
      'module_breaker_open:Ocr',
      'pending_age:fleet',
    ]);
  });

  it('holds nothing with no pending robot or one younger than the limit', () => {
    expect(fleetConditions({ oldestPendingSeconds: null, modules: [] }, LIMITS)).toEqual([]);
    expect(fleetConditions({ oldestPendingSeconds: 300, modules: [] }, LIMITS)).toEqual([]);
  });

  it('fires on notification dead letters above the threshold within the window, and on a late delivery queue', () => {
    const judge = (deadInWindow: number, oldestPendingSeconds: number, limits = LIMITS) =>
      fleetConditions(
        { oldestPendingSeconds: null, modules: [], notifications: { deadInWindow, oldestPendingSeconds } },
        limits,
      );
    expect(judge(0, 300)).toEqual([]);
    const [dead, late] = judge(3, 301.26);
    expect(dead).toMatchObject({
      rule: AlertRule.NotificationDeadLetters,
      subject: 'fleet',
      value: 3,
      threshold: 0,
      message: '3 notification deliveries went DEAD in the last 15 min (> 0)',
      details: { window_seconds: 900 },
    });
    expect(late).toMatchObject({ rule: AlertRule.NotificationQueueAge, value: 301.3, threshold: 300 });
    expect(judge(5, 0, { ...LIMITS, notificationDeadMax: 5 })).toEqual([]);
  });

  it('fires per ACTIVE mailbox that is UNHEALTHY (critical) or unwatched too long (warning), and for nothing else', () => {
    const mailbox = (name: string, health: string, unwatched = 0) => ({
      mailbox_id: `id-${name}`,
      name,
      health,
      last_error: health === 'HEALTHY' ? null : 'connection refused',
      unwatched_seconds: unwatched,
    });
    const judge = (...mailboxes: ReturnType<typeof mailbox>[]) =>
      fleetConditions({ oldestPendingSeconds: null, modules: [], mailboxes }, LIMITS);
    expect(judge(mailbox('ok', 'HEALTHY'), mailbox('flaky', 'DEGRADED'), mailbox('new', 'UNKNOWN', 300))).toEqual([]);
    const [down, orphan] = judge(mailbox('invoices', 'UNHEALTHY', 0), mailbox('orders', 'HEALTHY', 301.04));
    expect(down).toMatchObject({
      rule: AlertRule.MailboxUnhealthy,
      subject: 'invoices',
      severity: 'CRITICAL',
      message: 'mailbox invoices is UNHEALTHY: no mail is taken in (connection refused)',
      details: { mailbox_id: 'id-invoices', health: 'UNHEALTHY', last_error: 'connection refused' },
    });
    expect(orphan).toMatchObject({
      rule: AlertRule.MailboxUnhealthy,
      subject: 'orders',
      severity: 'WARNING',
      value: 301,
      threshold: 300,
      message: 'mailbox orders is ACTIVE but no instance has watched it for 301 s (> 300 s)',
    });
    // An UNHEALTHY mailbox nobody watches is one alert, the critical one.
    expect(judge(mailbox('both', 'UNHEALTHY', 9_999)).map((c) => c.severity)).toEqual(['CRITICAL']);
  });

  it('fires when the last backup failed (critical) or none is verified for too long (warning)', () => {
    const judge = (backups: BackupFigure) =>
      fleetConditions({ oldestPendingSeconds: null, modules: [], backups }, LIMITS);
    const hour = 3600;
    const figure = (partial: Partial<BackupFigure>): BackupFigure => ({
      last_verified_age_seconds: 2 * hour,
      first_age_seconds: 40 * 24 * hour,
      last_status: 'SUCCEEDED',
      last_error: null,
      ...partial,
    });
    expect(judge(figure({}))).toEqual([]);
    // A new installation: no backup ever tried judges nothing; one tried an hour ago is not overdue yet.
    expect(judge(figure({ last_verified_age_seconds: null, first_age_seconds: null, last_status: null }))).toEqual([]);
    expect(judge(figure({ last_verified_age_seconds: null, first_age_seconds: hour, last_status: null }))).toEqual([]);
    const [failed] = judge(figure({ last_status: 'FAILED', last_error: 'pg_dump failed (1): disk full' }));
    expect(failed).toMatchObject({
      rule: AlertRule.BackupFailing,
      subject: 'fleet',
      severity: 'CRITICAL',
      message: 'the last backup failed: pg_dump failed (1): disk full',
    });
    const [overdue] = judge(figure({ last_verified_age_seconds: 30 * hour }));
    expect(overdue).toMatchObject({
      rule: AlertRule.BackupFailing,
      severity: 'WARNING',
      message: 'no verified backup for 30 h (> 26 h)',
      threshold: 26 * hour,
    });
    // Never verified (BACKUP_VERIFY_RESTORE=false, or every drill failed) since the first try 27 h ago.
    expect(judge(figure({ last_verified_age_seconds: null, first_age_seconds: 27 * hour }))).toHaveLength(1);
  });
});

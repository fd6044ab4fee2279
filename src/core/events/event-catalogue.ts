/**
 * Every event botfleet writes to its `events` outbox, with its payload, version and emitting
 * layer. Events are written in the same transaction as the change they report and delivered
 * after commit, in commit order, at least once to every named consumer (see EventConsumer).
 * No event name is written anywhere else: emitters use `EventType`, SQL uses `eventSql()`.
 *
 * A payload only grows: a field that changes meaning or goes away is a new version, and the
 * version is stored with each event so a consumer can tell old rows from new ones.
 */
export enum EventType {
  RobotCreated = 'robot.created',
  RobotAssigned = 'robot.assigned',
  RobotStarted = 'robot.started',
  RobotProgress = 'robot.progress',
  RobotCompleted = 'robot.completed',
  RobotFailed = 'robot.failed',
  RobotRetrying = 'robot.retrying',
  RobotCancelled = 'robot.cancelled',
  RobotSlaAtRisk = 'robot.sla_at_risk',
  ModuleHealthChanged = 'module.health_changed',
  ModuleBreakerChanged = 'module.breaker_changed',
  AlertFired = 'alert.fired',
  AlertResolved = 'alert.resolved',
  SubscriptionDisabled = 'subscription.disabled',
  ReviewResolved = 'review.resolved',
  EmailIngested = 'email.ingested',
  MailboxHealthChanged = 'mailbox.health_changed',
}

type RobotStatus = 'PENDING' | 'PROCESSING' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'RETRYING';
type HealthStatus = 'HEALTHY' | 'DEGRADED' | 'UNHEALTHY' | 'UNKNOWN';
type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

interface AlertPayload {
  alert_id: number;
  rule: string;
  subject: string;
  severity: 'WARNING' | 'CRITICAL';
  state: 'FIRING' | 'RESOLVED';
  message: string;
  value: number;
  threshold: number;
  fired_at: string;
  resolved_at: string | null;
  details: Record<string, unknown> | null;
}

/** The payload of each event type (robot_id and module_name travel beside it, on the event). */
export interface EventPayloads {
  /** `notify`: how many robot-scoped subscriptions were created with it (their secrets never travel here). */
  [EventType.RobotCreated]: { robot_type: string; priority: string; assigned: boolean; bulk?: true; notify?: number };
  [EventType.RobotAssigned]: Record<string, never>;
  [EventType.RobotStarted]: { execute_id: string };
  [EventType.RobotProgress]: { execute_id: string; progress_percentage: number; current_step: string | null };
  [EventType.RobotCompleted]: { processing_time_ms: number };
  [EventType.RobotFailed]: { error_category: string; retry_count: number };
  /** `delay_ms` when the orchestrator retries; `manual`, `from` when an operator requeued it. */
  [EventType.RobotRetrying]: {
    retry_count: number;
    error_category?: string;
    delay_ms?: number;
    manual?: true;
    from?: RobotStatus;
  };
  [EventType.RobotCancelled]: { from: RobotStatus; reason: string | null };
  /** `estimated_completion` null: nothing will take it (no eligible module); `queue_position` null while it runs. */
  [EventType.RobotSlaAtRisk]: {
    robot_type: string;
    deadline: string;
    estimated_completion: string | null;
    queue_position: number | null;
    margin_seconds: number;
    priority: string;
  };
  [EventType.ModuleHealthChanged]: { from: HealthStatus | null; to: HealthStatus };
  [EventType.ModuleBreakerChanged]: { from: BreakerState; to: BreakerState };
  [EventType.AlertFired]: AlertPayload;
  [EventType.AlertResolved]: AlertPayload;
  /** `target` is a webhook's scheme and host only; `reason` says why (410 Gone, failing since ...). */
  [EventType.SubscriptionDisabled]: { subscription_id: string; channel: string; target: string; reason: string };
  /** `status` RESOLVED (with corrections) or DISMISSED (the values stand as extracted). */
  [EventType.ReviewResolved]: {
    review_id: string;
    kind: string;
    document_id: string | null;
    robot_id: string | null;
    status: 'RESOLVED' | 'DISMISSED';
  };
  /**
   * A message was taken in once (a duplicate writes nothing): the robot it became (robot_id on the
   * event), a review of its class, or neither (a class mapped to no robot type).
   */
  [EventType.EmailIngested]: {
    email_id: string;
    mailbox_id: string | null;
    source: 'imap' | 'upload' | 'mbox';
    status: 'ROBOT_CREATED' | 'NEEDS_REVIEW' | 'NO_ROBOT';
    class_name: string | null;
    confidence: number | null;
    attachments: number;
    contains_sensitive_data: boolean;
  };
  /** A watched mailbox's connection health changed; `error` is the last connection failure. */
  [EventType.MailboxHealthChanged]: {
    mailbox_id: string;
    name: string;
    from: HealthStatus;
    to: HealthStatus;
    error: string | null;
  };
}

export type EmittingLayer =
  'orchestrator' | 'registry' | 'load-balancer' | 'monitoring' | 'notification' | 'review' | 'email';

export interface EventDefinition {
  version: number;
  emitter: EmittingLayer;
  /**
   * Carries a robot_id (robot events), only a module_name (module and alert events), neither
   * (`subscription`: the payload names the subscription), or a review (its robot_id when the
   * reviewed item came from a robot), an email (its robot_id when it became one) or a mailbox.
   */
  subject: 'robot' | 'module' | 'subscription' | 'review' | 'email' | 'mailbox';
  description: string;
  /** The payload's fields, optional ones included: what a notification template may name under `data.`. */
  fields: readonly string[];
}

type PayloadField<T extends EventType> = Extract<keyof EventPayloads[T], string>;

const ALERT_FIELDS: readonly PayloadField<EventType.AlertFired>[] = [
  'alert_id',
  'rule',
  'subject',
  'severity',
  'state',
  'message',
  'value',
  'threshold',
  'fired_at',
  'resolved_at',
  'details',
];

export const EVENT_CATALOGUE: Readonly<{
  [T in EventType]: EventDefinition & { fields: readonly PayloadField<T>[] };
}> = {
  [EventType.RobotCreated]: {
    version: 1,
    emitter: 'orchestrator',
    subject: 'robot',
    description: 'A robot was accepted (one call or bulk); `assigned` when routing found a module at once.',
    fields: ['robot_type', 'priority', 'assigned', 'bulk', 'notify'],
  },
  [EventType.RobotAssigned]: {
    version: 1,
    emitter: 'orchestrator',
    subject: 'robot',
    description: 'A queued robot without a module got one (a module supporting its type appeared).',
    fields: [],
  },
  [EventType.RobotStarted]: {
    version: 1,
    emitter: 'orchestrator',
    subject: 'robot',
    description: 'A worker claimed the robot: an attempt began under a lease.',
    fields: ['execute_id'],
  },
  [EventType.RobotProgress]: {
    version: 1,
    emitter: 'orchestrator',
    subject: 'robot',
    description: 'A step was reported (one event per step, in the order reported).',
    fields: ['execute_id', 'progress_percentage', 'current_step'],
  },
  [EventType.RobotCompleted]: {
    version: 1,
    emitter: 'orchestrator',
    subject: 'robot',
    description: 'The robot finished well.',
    fields: ['processing_time_ms'],
  },
  [EventType.RobotFailed]: {
    version: 1,
    emitter: 'orchestrator',
    subject: 'robot',
    description: 'The robot failed for good (retries exhausted or a VALIDATION error).',
    fields: ['error_category', 'retry_count'],
  },
  [EventType.RobotRetrying]: {
    version: 1,
    emitter: 'orchestrator',
    subject: 'robot',
    description: 'An attempt failed and the robot will be retried after `delay_ms`, or an operator requeued it.',
    fields: ['retry_count', 'error_category', 'delay_ms', 'manual', 'from'],
  },
  [EventType.RobotCancelled]: {
    version: 1,
    emitter: 'orchestrator',
    subject: 'robot',
    description: 'The robot was cancelled; its running attempt, if any, loses its lease.',
    fields: ['from', 'reason'],
  },
  [EventType.RobotSlaAtRisk]: {
    version: 1,
    emitter: 'monitoring',
    subject: 'robot',
    description:
      'The robot is likely to miss its deadline: its estimated completion (queue place, module throughput) is past the deadline minus SLA_RISK_MARGIN_SECONDS. Once per robot.',
    fields: ['robot_type', 'deadline', 'estimated_completion', 'queue_position', 'margin_seconds', 'priority'],
  },
  [EventType.ModuleHealthChanged]: {
    version: 1,
    emitter: 'registry',
    subject: 'module',
    description: "A module's health status changed (health checks or worker activity).",
    fields: ['from', 'to'],
  },
  [EventType.ModuleBreakerChanged]: {
    version: 1,
    emitter: 'load-balancer',
    subject: 'module',
    description: "A module's circuit breaker opened, half-opened or closed.",
    fields: ['from', 'to'],
  },
  [EventType.AlertFired]: {
    version: 1,
    emitter: 'monitoring',
    subject: 'module',
    description: 'An alert rule fired; module_name is set for per-module rules.',
    fields: ALERT_FIELDS,
  },
  [EventType.AlertResolved]: {
    version: 1,
    emitter: 'monitoring',
    subject: 'module',
    description: 'A firing alert resolved.',
    fields: ALERT_FIELDS,
  },
  [EventType.SubscriptionDisabled]: {
    version: 1,
    emitter: 'notification',
    subject: 'subscription',
    description:
      'A notification subscription was disabled (its receiver answered 410, or it kept failing); told to the admins.',
    fields: ['subscription_id', 'channel', 'target', 'reason'] as const,
  },
  [EventType.ReviewResolved]: {
    version: 1,
    emitter: 'review',
    subject: 'review',
    description:
      'A person answered a review (corrected values or dismissed it); the item it held (an OCR document) was updated in the same transaction.',
    fields: ['review_id', 'kind', 'document_id', 'robot_id', 'status'] as const,
  },
  [EventType.EmailIngested]: {
    version: 1,
    emitter: 'email',
    subject: 'email',
    description:
      'An email was taken in (IMAP, upload or mbox import), written with its robot or its review in the same transaction.',
    fields: [
      'email_id',
      'mailbox_id',
      'source',
      'status',
      'class_name',
      'confidence',
      'attachments',
      'contains_sensitive_data',
    ] as const,
  },
  [EventType.MailboxHealthChanged]: {
    version: 1,
    emitter: 'email',
    subject: 'mailbox',
    description: "A watched mailbox's health changed (DEGRADED on a connection failure, UNHEALTHY when it lasts).",
    fields: ['mailbox_id', 'name', 'from', 'to', 'error'] as const,
  },
};

export const EVENT_TYPES: readonly EventType[] = Object.values(EventType);

/**
 * The event type and version as SQL literals, for statements that write their event in the same
 * statement as the change: `INSERT INTO events (event_type, event_version, ...) SELECT ${eventSql(t)}, ...`.
 * Only catalogue constants reach the SQL text, never input.
 */
export function eventSql(type: EventType): string {
  return `${eventTypeSql(type)}, ${EVENT_CATALOGUE[type].version}`;
}

/** The event type alone as a SQL literal (for a CASE choosing between types of the same version). */
export function eventTypeSql(type: EventType): string {
  return `'${type}'`;
}

/**
 * True when an event type is wanted by a list of patterns: exact names, `robot.*` for a family,
 * `*` for all. An empty list wants everything.
 */
export function eventMatches(patterns: readonly string[], type: string): boolean {
  if (patterns.length === 0) return true;
  return patterns.some(
    (pattern) =>
      pattern === '*' || pattern === type || (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))),
  );
}

/** A pattern names a catalogue event or a family of them (`robot.*`), or is `*`. */
export function isEventPattern(pattern: string): boolean {
  return pattern === '*' || EVENT_TYPES.some((type) => eventMatches([pattern], type));
}

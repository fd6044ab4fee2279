import { EVENT_CATALOGUE, type EventPayloads, EventType } from '../../core/events/event-catalogue.js';
import type { NotificationEvent } from '../channels/notification-channel.js';

const alert = {
  alert_id: 7,
  rule: 'response_time',
  subject: 'api',
  severity: 'WARNING',
  message: 'p95 response time 812 ms is above 500 ms',
  value: 812,
  threshold: 500,
  fired_at: '2026-11-22T10:00:00.000Z',
  details: { window: '5m' },
} as const;

/**
 * One payload per event type with every field set, optional ones included (`Required`): what a
 * template preview renders when the caller sends no data, and what the catalogue's `fields` are
 * checked against (a field added to a payload type must be added here, then to `fields`).
 */
export const SAMPLE_PAYLOADS: { readonly [T in EventType]: Required<EventPayloads[T]> } = {
  [EventType.RobotCreated]: { robot_type: 'legal_review', priority: 'HIGH', assigned: true, bulk: true, notify: 1 },
  [EventType.RobotAssigned]: {},
  [EventType.RobotStarted]: { execute_id: '3b241101-e2bb-4255-8caf-4136c566a962' },
  [EventType.RobotProgress]: {
    execute_id: '3b241101-e2bb-4255-8caf-4136c566a962',
    progress_percentage: 40,
    current_step: 'extract_fields',
  },
  [EventType.RobotCompleted]: { processing_time_ms: 12_840 },
  [EventType.RobotFailed]: { error_category: 'EXTERNAL_API', retry_count: 3 },
  [EventType.RobotRetrying]: {
    retry_count: 1,
    error_category: 'TIMEOUT',
    delay_ms: 30_000,
    manual: true,
    from: 'FAILED',
  },
  [EventType.RobotCancelled]: { from: 'PROCESSING', reason: 'duplicate request' },
  [EventType.RobotSlaAtRisk]: {
    robot_type: 'legal_review',
    deadline: '2026-11-23T09:00:00.000Z',
    estimated_completion: '2026-11-23T09:12:30.000Z',
    queue_position: 42,
    margin_seconds: 300,
    priority: 'HIGH',
  },
  [EventType.ModuleHealthChanged]: { from: 'HEALTHY', to: 'DEGRADED' },
  [EventType.ModuleBreakerChanged]: { from: 'CLOSED', to: 'OPEN' },
  [EventType.AlertFired]: { ...alert, state: 'FIRING', resolved_at: null },
  [EventType.AlertResolved]: { ...alert, state: 'RESOLVED', resolved_at: '2026-11-22T10:15:00.000Z' },
  [EventType.SubscriptionDisabled]: {
    subscription_id: '6f1c2b9e-4d3a-4e8b-9a57-2c1d0e9f8a31',
    channel: 'webhook',
    target: 'https://hooks.example.com',
    reason: 'the receiver answered 410 Gone',
  },
  [EventType.ReviewResolved]: {
    review_id: '3a70c0ad-5b1e-4c8e-9f0a-7d2b6c4e1f93',
    kind: 'ocr_field',
    document_id: '7c4c7811-2f5d-4b8a-a6e3-0d9c1b7e5a24',
    robot_id: 'OCR_1795310000000_1',
    status: 'RESOLVED',
  },
  [EventType.EmailIngested]: {
    email_id: '5d1f0e2a-8c3b-4f6a-9e7d-2b4c6a8e0f13',
    mailbox_id: '0e9b7c5a-3d1f-4a2b-8c6e-4f2a0b9d7c31',
    source: 'imap',
    status: 'ROBOT_CREATED',
    class_name: 'invoice',
    confidence: 0.93,
    attachments: 1,
    contains_sensitive_data: true,
  },
  [EventType.MailboxHealthChanged]: {
    mailbox_id: '0e9b7c5a-3d1f-4a2b-8c6e-4f2a0b9d7c31',
    name: 'accounts-payable',
    from: 'HEALTHY',
    to: 'DEGRADED',
    error: 'connection refused by imap.example.com:993',
  },
};

const SAMPLE_TIME = new Date('2026-11-22T10:00:00.000Z');

/** What the fan-out adds to a robot event's data (the robot's facts subscription filters read). */
const SAMPLE_ROBOT_FACTS = { robot_type: 'legal_review', priority: 'HIGH', correlation_id: 'case-2026-0042' };

/**
 * A notification event of a catalogue type as the dispatcher would hand it over, for previews:
 * its data is what the fan-out writes (payload, robot_id, module_name, and a robot's facts).
 */
export function sampleEvent(type: EventType, data?: Record<string, unknown>, eventId = 1042): NotificationEvent {
  const robotEvent = EVENT_CATALOGUE[type].subject === 'robot';
  const subject = {
    robot_id: robotEvent ? 'LEGAL_1795310000000_42' : null,
    module_name: robotEvent || type.startsWith('module.') ? 'LegalReviewModule' : null,
  };
  return {
    event_id: eventId,
    type,
    version: EVENT_CATALOGUE[type].version,
    timestamp: SAMPLE_TIME,
    ...subject,
    data: data ?? { ...subject, ...(robotEvent && SAMPLE_ROBOT_FACTS), ...SAMPLE_PAYLOADS[type] },
  };
}

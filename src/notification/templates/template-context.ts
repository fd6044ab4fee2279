import { EVENT_CATALOGUE, EVENT_TYPES, type EventType } from '../../core/events/event-catalogue.js';
import type { NotificationEvent, NotificationLocale } from '../channels/notification-channel.js';

/** A stored override may also name the generic default or the digest (several events in one message). */
export const GENERIC_TEMPLATE = '*';
export const DIGEST_TEMPLATE = 'digest';
export type TemplateEventType = EventType | typeof GENERIC_TEMPLATE | typeof DIGEST_TEMPLATE;
export const TEMPLATE_EVENT_TYPES: readonly TemplateEventType[] = [...EVENT_TYPES, GENERIC_TEMPLATE, DIGEST_TEMPLATE];

/**
 * What the fan-out adds to every robot event's data beside its payload: the robot facts that
 * subscription filters read (DESIGN: data = payload + robot_id, module_name, robot facts).
 */
export const ROBOT_FACTS = ['robot_type', 'priority', 'correlation_id'] as const;
const EVENT_SUBJECT_FIELDS = ['robot_id', 'module_name'] as const;

/**
 * What a template may name, as a tree: `true` is a value with nothing known below it (a path may
 * go deeper, e.g. `data.details.window`), an object lists its members, `false` is a leaf.
 */
export type Shape = boolean | { readonly [name: string]: Shape };

const EVENT_META: Shape = { id: false, type: false, version: false, timestamp: false };

/** The data fields of an event type; the generic template sees only what every event carries. */
export function dataFields(type: TemplateEventType): readonly string[] {
  if (type === GENERIC_TEMPLATE || type === DIGEST_TEMPLATE) return EVENT_SUBJECT_FIELDS;
  const robotFacts = EVENT_CATALOGUE[type].subject === 'robot' ? ROBOT_FACTS : [];
  return [...EVENT_CATALOGUE[type].fields, ...EVENT_SUBJECT_FIELDS, ...robotFacts];
}

/** The names a template of this type may use, from its root. */
export function contextShape(type: TemplateEventType): Shape {
  if (type === DIGEST_TEMPLATE) {
    return {
      count: false,
      locale: false,
      events: { $item: { ...(EVENT_META as object), robot_id: false, module_name: false, line: false } },
    };
  }
  return {
    event: EVENT_META,
    robot_id: false,
    module_name: false,
    locale: false,
    data: Object.fromEntries(dataFields(type).map((field) => [field, true])),
  };
}

export interface EventContext {
  event: { id: number; type: string; version: number; timestamp: Date };
  robot_id: string | null;
  module_name: string | null;
  data: Record<string, unknown>;
  locale: NotificationLocale;
}

export interface DigestContext {
  count: number;
  locale: NotificationLocale;
  events: Array<EventContext['event'] & { robot_id: string | null; module_name: string | null; line: string }>;
}

export function eventContext(event: NotificationEvent, locale: NotificationLocale): EventContext {
  return {
    event: { id: event.event_id, type: event.type, version: event.version, timestamp: event.timestamp },
    robot_id: event.robot_id,
    module_name: event.module_name,
    data: event.data,
    locale,
  };
}

export const isCatalogueType = (type: string): type is EventType => (EVENT_TYPES as readonly string[]).includes(type);

import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { EventPayloads, EventType } from './event-catalogue.js';

export const EVENT_CONSUMER = Symbol('EVENT_CONSUMER');

/** One event as a consumer receives it: the outbox row plus this delivery's attempt. */
export interface DeliveredEvent<T extends EventType = EventType> {
  /** Unique and stable across redeliveries: make handlers idempotent on it. */
  event_id: number;
  event_type: T;
  event_version: number;
  robot_id: string | null;
  module_name: string | null;
  payload: EventPayloads[T];
  created_at: Date;
  /** 1 on the first delivery of this event to this consumer; higher after failures or a replay. */
  attempt: number;
}

export interface EventHandler {
  /** Resolves when the event is handled; throwing (or rejecting) redelivers it after a backoff. */
  handle(event: DeliveredEvent): Promise<void>;
  /**
   * Optional: handles consecutive events (those of one outbox read that this consumer wants, in
   * commit order) in one call, for a consumer that can do their work in one statement. All or
   * nothing: when it throws, the relay hands the same events to handle() one by one, so retries,
   * backoff and parking stay per event.
   */
  handleBatch?(events: DeliveredEvent[]): Promise<void>;
}

export interface EventConsumerOptions {
  /** Unique, durable: the consumer's cursor is kept under this name (letters, digits, `-`, `_`). */
  name: string;
  /** Event types or families (`robot.*`), `*` for all (the default). Others pass it by unseen. */
  events?: readonly string[];
  /** Deliveries of one event before it is parked (default 5). */
  maxAttempts?: number;
  /** First retry delay; it doubles per failure up to maxRetryDelayMs (defaults 500 ms and 60 s). */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * Where a consumer seen for the first time starts: events committed from now on (default), or
   * every event still retained.
   */
  startFrom?: 'now' | 'oldest';
}

export type ResolvedConsumerOptions = Required<EventConsumerOptions>;

export const CONSUMER_NAME = /^[a-z0-9][a-z0-9_-]{0,99}$/i;

export function consumerOptions(options: EventConsumerOptions): ResolvedConsumerOptions {
  if (!CONSUMER_NAME.test(options.name)) throw new Error(`event consumer name "${options.name}" is not a plain name`);
  return {
    events: [],
    maxAttempts: 5,
    retryDelayMs: 500,
    maxRetryDelayMs: 60_000,
    startFrom: 'now',
    ...options,
  };
}

/**
 * Marks a provider as a durable, named consumer of the events outbox. Each consumer has its own
 * cursor and reads in commit order; it moves past an event only once `handle` resolved. A failing
 * event is redelivered with backoff without holding other consumers back, and after `maxAttempts`
 * it is parked (kept with its error, listed and replayable over /api/v1/events) so the rest of the
 * stream goes on. Delivery is at least once; with several instances each consumer runs on one.
 *
 *   @EventConsumer({ name: 'notifications', events: ['robot.completed', 'alert.*'] })
 *   export class NotificationEvents implements EventHandler {
 *     async handle(event: DeliveredEvent) { ... }
 *   }
 */
export function EventConsumer(options: EventConsumerOptions): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(EVENT_CONSUMER, consumerOptions(options)));
}

import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';

/**
 * The contract between the delivery dispatcher and the channels. The dispatcher owns the
 * deliveries (claims, retries, schedule, dead letters, per-endpoint isolation); a channel only
 * turns one notification into one send and says how it went.
 */
export const NOTIFICATION_CHANNELS = ['webhook', 'email', 'sms', 'in_app'] as const;
export type ChannelName = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_LOCALES = ['en', 'es'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

/** One event as a notification carries it. */
export interface NotificationEvent {
  event_id: number;
  type: string;
  version: number;
  timestamp: Date;
  robot_id: string | null;
  module_name: string | null;
  /** The event's payload, plus what the dispatcher looked up for filters (robot_type, priority...). */
  data: Record<string, unknown>;
}

export interface OutgoingNotification {
  /** Stable across every retry and replay of this delivery: the webhook-id. */
  delivery_id: string;
  /** 1 on the first send. */
  attempt: number;
  event: NotificationEvent;
  /** Set when an email digest groups several events into one message (event is the first). */
  digest?: NotificationEvent[];
  subscription: {
    subscription_id: string;
    channel: ChannelName;
    target: string;
    locale: NotificationLocale;
    /** Webhooks only: the decrypted signing secrets (`whsec_...`), current first, both during a rotation. */
    secrets?: string[];
  };
  timeout_ms: number;
  signal: AbortSignal;
}

export type DeliveryOutcome =
  | { ok: true; status?: number }
  | {
      ok: false;
      /** Short, sanitised: stored on the delivery and shown over the API. Never a secret. */
      error: string;
      status?: number;
      /** From a `Retry-After` answer: the next attempt is not before this. */
      retryAfterMs?: number;
      /** No retry can succeed (e.g. a target refused by policy): the delivery goes DEAD now. */
      permanent?: boolean;
      /** The receiver asked to stop (webhook 410 Gone): disable the subscription now. */
      disableSubscription?: boolean;
    };

export interface NotificationChannelAdapter {
  readonly channel: ChannelName;
  /** Checks a subscription's target when it is saved; returns a client-facing reason, or null if fine. */
  validateTarget(target: string): Promise<string | null> | string | null;
  send(notification: OutgoingNotification): Promise<DeliveryOutcome>;
}

export const NOTIFICATION_CHANNEL = Symbol('NOTIFICATION_CHANNEL');

/** Marks a provider as the adapter of one channel; the dispatcher discovers it at boot. */
export function NotificationChannel(channel: ChannelName): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(NOTIFICATION_CHANNEL, channel));
}

/** What a channel shows: rendered from the templates for (event type, channel, locale). */
export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

export interface NotificationRenderer {
  render(channel: ChannelName, locale: NotificationLocale, events: NotificationEvent[]): Promise<RenderedMessage>;
}

export const NOTIFICATION_RENDERER = Symbol('NOTIFICATION_RENDERER');

import { DomainException } from '../core/errors/domain.exception.js';
import { declareErrorCodes } from '../core/errors/error-catalogue.js';

/** What the subscriptions and deliveries API refuses, beyond request validation (VALIDATION_FAILED). */
export enum NotificationErrorCode {
  SubscriptionNotFound = 'SUBSCRIPTION_NOT_FOUND',
  DeliveryNotFound = 'DELIVERY_NOT_FOUND',
  /** A URL, address, phone number or audience its channel cannot use. */
  InvalidTarget = 'NOTIFICATION_TARGET_INVALID',
  UnknownEventType = 'UNKNOWN_EVENT_TYPE',
  /** A setting this subscription cannot have (a digest outside email; other events on a robot's own). */
  SettingNotForChannel = 'NOTIFICATION_SETTING_NOT_FOR_CHANNEL',
  /** Built-in subscriptions (`system:*`) follow the configuration: they are not edited over the API. */
  SubscriptionReadOnly = 'SUBSCRIPTION_READ_ONLY',
  /** Only webhook subscriptions have a signing secret. */
  SubscriptionHasNoSecret = 'SUBSCRIPTION_HAS_NO_SECRET',
  /** Deliveries of a DISABLED subscription are not replayed: enable it first. */
  SubscriptionDisabled = 'SUBSCRIPTION_DISABLED',
  /** Only an ended delivery (SENT or DEAD) is replayed; one still being tried goes on by itself. */
  DeliveryNotEnded = 'DELIVERY_NOT_ENDED',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    notification: NotificationErrorCode;
  }
}

declareErrorCodes(NotificationErrorCode, {
  [NotificationErrorCode.SubscriptionNotFound]: 404,
  [NotificationErrorCode.DeliveryNotFound]: 404,
  [NotificationErrorCode.InvalidTarget]: 400,
  [NotificationErrorCode.UnknownEventType]: 400,
  [NotificationErrorCode.SettingNotForChannel]: 400,
  [NotificationErrorCode.SubscriptionReadOnly]: 409,
  [NotificationErrorCode.SubscriptionHasNoSecret]: 409,
  [NotificationErrorCode.SubscriptionDisabled]: 409,
  [NotificationErrorCode.DeliveryNotEnded]: 409,
});

export const subscriptionNotFound = (id: string) =>
  new DomainException(NotificationErrorCode.SubscriptionNotFound, `No subscription ${id}.`, { subscription_id: id });

export const deliveryNotFound = (id: string) =>
  new DomainException(NotificationErrorCode.DeliveryNotFound, `No delivery ${id}.`, { delivery_id: id });

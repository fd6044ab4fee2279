import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** A name that goes into the gateway's URL path: letters, digits, `_` and `-` only. */
const SID = /^[A-Za-z0-9_-]{1,64}$/;

/** Notification templates, and the email (SMTP) and SMS (Twilio Messages API) channels. */
export class NotificationTemplatesSettings {
  /**
   * How long an instance keeps the stored template overrides compiled in memory. A save or delete
   * drops them at once on the instance that made it; other instances see it within this.
   */
  @IsInt()
  @Min(0)
  @Max(300_000)
  NOTIFY_TEMPLATE_CACHE_MS: number = 5_000;

  /**
   * SMTP relay, `smtp://user:password@host:587` or `smtps://...:465`. Unset: email deliveries fail
   * with "SMTP not configured" and are retried on their schedule, so setting it later sends them.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  SMTP_FROM: string = 'botfleet <botfleet@localhost>';

  /** Pooled SMTP connections kept open to the relay. */
  @IsInt()
  @Min(1)
  @Max(100)
  SMTP_POOL_SIZE: number = 5;

  /** Connect, greeting and socket inactivity timeout for the relay. */
  @IsInt()
  @Min(100)
  @Max(300_000)
  SMTP_TIMEOUT_MS: number = 15_000;

  /** Twilio, or any gateway speaking its Messages API. */
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'SMS_BASE_URL must be an http(s) URL without query' })
  SMS_BASE_URL: string = 'https://api.twilio.com';

  @IsOptional()
  @Matches(SID, { message: 'SMS_ACCOUNT_SID may hold letters, digits, _ and - only (at most 64)' })
  SMS_ACCOUNT_SID?: string;

  @IsOptional()
  @IsString()
  SMS_AUTH_TOKEN?: string;

  /** The sender: an E.164 number or an alphanumeric sender id. */
  @IsOptional()
  @Matches(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/, {
    message: 'SMS_FROM must be an E.164 number (+34600111222) or an alphanumeric sender id of at most 11',
  })
  SMS_FROM?: string;

  /** Sends through a Twilio Messaging Service instead of SMS_FROM. */
  @IsOptional()
  @Matches(SID, { message: 'SMS_MESSAGING_SERVICE_SID may hold letters, digits, _ and - only (at most 64)' })
  SMS_MESSAGING_SERVICE_SID?: string;

  /** Longer messages are cut (153 GSM-7 or 67 UCS-2 characters a segment once split). */
  @IsInt()
  @Min(1)
  @Max(10)
  SMS_MAX_SEGMENTS: number = 3;
}

/** SMS credentials come together: an account without a token (or a sender) cannot send. */
export function notificationTemplatesRules(settings: NotificationTemplatesSettings): string[] {
  const sms = [
    settings.SMS_ACCOUNT_SID,
    settings.SMS_AUTH_TOKEN,
    settings.SMS_FROM ?? settings.SMS_MESSAGING_SERVICE_SID,
  ];
  if (sms.every((value) => value === undefined) || sms.every((value) => value !== undefined)) return [];
  return [
    'SMS_ACCOUNT_SID: SMS needs SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM (or SMS_MESSAGING_SERVICE_SID) together',
  ];
}

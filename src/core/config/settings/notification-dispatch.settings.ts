import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, IsString, Matches, Max, Min } from 'class-validator';
import { toBoolean } from './to-boolean.js';

/** Host names, comma-separated: letters, digits, dots and dashes (no scheme, no port). */
const HOST_LIST = /^\s*([A-Za-z0-9.-]+\s*(,\s*[A-Za-z0-9.-]+\s*)*)?$/;

/** The delivery dispatcher (claims, concurrency, leases, jitter), the webhook channel, and their alerts. */
export class NotificationDispatchSettings {
  /**
   * false: this instance sends nothing (deliveries are still written and wait, PENDING, for an
   * instance that sends): API-only instances, or a pause during an incident at the receivers.
   */
  @Transform(toBoolean)
  @IsBoolean()
  NOTIFY_DISPATCH_ENABLED: boolean = true;

  /** Sends in flight at once per instance, all channels together. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  NOTIFY_DISPATCH_CONCURRENCY: number = 64;

  /**
   * Sends in flight at once per endpoint (webhook origin, SMTP relay...) per instance: a slow or
   * failing endpoint fills its own slots and no more, so it never delays the others.
   */
  @IsInt()
  @Min(1)
  @Max(1_000)
  NOTIFY_ENDPOINT_CONCURRENCY: number = 8;

  /** How often an instance looks for due deliveries it was not woken for (retries, other instances' work). */
  @IsInt()
  @Min(10)
  @Max(60_000)
  NOTIFY_DISPATCH_POLL_MS: number = 500;

  /** A delivery SENDING for longer than this (its instance died mid-send) is claimable again. */
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  NOTIFY_DELIVERY_LEASE_MS: number = 60_000;

  /** A webhook answer (headers and body) taking longer is a failure; a subscription may set its own. */
  @IsInt()
  @Min(100)
  @Max(300_000)
  NOTIFY_WEBHOOK_TIMEOUT_MS: number = 15_000;

  /** Hosts a webhook may target whatever they resolve to (e.g. an internal receiver), comma-separated. */
  @IsString()
  @Matches(HOST_LIST, { message: 'NOTIFY_WEBHOOK_ALLOWED_HOSTS must be host names separated by commas' })
  NOTIFY_WEBHOOK_ALLOWED_HOSTS: string = '';

  /** Each retry waits its scheduled delay ± this fraction, so failures of one endpoint do not retry in lockstep. */
  @IsNumber()
  @Min(0)
  @Max(1)
  NOTIFY_RETRY_JITTER: number = 0.2;

  /** The dead-letter alert fires when more deliveries than this went DEAD within the window. */
  @IsInt()
  @Min(0)
  NOTIFY_ALERT_DEAD_THRESHOLD: number = 0;

  @IsInt()
  @Min(60)
  @Max(604_800)
  NOTIFY_ALERT_DEAD_WINDOW_SECONDS: number = 900;

  /** The queue alert fires when a due delivery has waited longer than this. */
  @IsInt()
  @Min(1)
  NOTIFY_ALERT_OLDEST_PENDING_SECONDS: number = 300;
}

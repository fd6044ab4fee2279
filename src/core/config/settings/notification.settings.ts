import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { toBoolean } from './to-boolean.js';

/** The Standard Webhooks schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const STANDARD_RETRY_SCHEDULE: readonly number[] = [0, 5, 300, 1800, 7200, 18000, 36000, 36000];

/** Bounds of a retry schedule, global or per subscription: 1-20 waits of at most a week. */
export const RETRY_SCHEDULE_LIMITS = { minEntries: 1, maxEntries: 20, maxSeconds: 604_800 } as const;

/** `0,5,300` → [0, 5, 300]; anything else stays as it was, for the validators to name. */
const toSeconds = ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
  const value = obj[key];
  if (typeof value !== 'string') return value;
  return value.split(',').map((part) => (/^\s*\d+\s*$/.test(part) ? Number(part) : part.trim()));
};

/** Subscriptions, their fan-out into deliveries, and the admins told when one is disabled. */
export class NotificationSettings {
  /** Off: the fan-out creates no deliveries (events meanwhile are not notified); the API still answers. */
  @Transform(toBoolean)
  @IsBoolean()
  NOTIFY_ENABLED: boolean = true;

  /** Seconds to wait before each attempt of a delivery, comma-separated (a subscription may set its own). */
  @Transform(toSeconds)
  @IsArray()
  @ArrayMinSize(RETRY_SCHEDULE_LIMITS.minEntries)
  @ArrayMaxSize(RETRY_SCHEDULE_LIMITS.maxEntries)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(RETRY_SCHEDULE_LIMITS.maxSeconds, { each: true })
  NOTIFY_RETRY_SCHEDULE: number[] = [...STANDARD_RETRY_SCHEDULE];

  /** A subscription failing without a success for this long is disabled (120 h = 5 days). */
  @IsInt()
  @Min(1)
  @Max(8_760)
  NOTIFY_DISABLE_AFTER_HOURS: number = 120;

  /** Where `subscription.disabled` is also mailed (the admins' in-app audience always gets it). */
  @IsOptional()
  @IsString()
  @IsEmail({ require_tld: false })
  NOTIFY_ADMIN_EMAIL?: string;

  /** The in-app audience that hears about disabled subscriptions. */
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._:-]{0,199}$/i)
  NOTIFY_ADMIN_AUDIENCE: string = 'admins';

  /**
   * How long the fan-out trusts its in-memory copy of the active subscriptions (0: read them for
   * every event). This instance drops it at once on its own changes; other instances' reach it within this.
   */
  @IsInt()
  @Min(0)
  @Max(60_000)
  NOTIFY_SUBSCRIPTION_CACHE_MS: number = 1_000;

  /** After a webhook secret is rotated, the previous one still signs (beside the new one) this long. */
  @IsInt()
  @Min(0)
  @Max(720)
  NOTIFY_SECRET_ROTATION_OVERLAP_HOURS: number = 24;

  /**
   * Webhook targets on loopback, private, link-local, CGNAT or metadata addresses: refused unless
   * true (a literal address when saved; the dispatcher checks the resolved one when it connects).
   */
  @Transform(toBoolean)
  @IsBoolean()
  NOTIFY_WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolean = false;
}

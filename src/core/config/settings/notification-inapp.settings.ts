import { IsInt, Max, Min } from 'class-validator';

/** The in-app inbox's live stream (GET /api/v1/notifications/stream). */
export class NotificationInAppSettings {
  /** Open streams per instance: each holds a socket and a little memory; past it a new one gets 503. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  NOTIFY_SSE_MAX_CONNECTIONS: number = 1_000;

  /** Open streams per API key per instance, so one client cannot take the whole budget (429 past it). */
  @IsInt()
  @Min(1)
  @Max(100_000)
  NOTIFY_SSE_MAX_PER_KEY: number = 20;

  /**
   * A `: ping` comment this often keeps proxies (nginx's 60 s proxy_read_timeout) from closing an
   * idle stream; each tick also re-reads the inbox, the safety net should a NOTIFY be missed.
   */
  @IsInt()
  @Min(100)
  @Max(300_000)
  NOTIFY_SSE_HEARTBEAT_MS: number = 15_000;

  /** The `retry:` hint: how long a client waits before it reconnects (with Last-Event-ID). */
  @IsInt()
  @Min(100)
  @Max(300_000)
  NOTIFY_SSE_RETRY_MS: number = 3_000;
}

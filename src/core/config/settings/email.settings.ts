import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, Max, Min } from 'class-validator';
import { toBoolean } from './to-boolean.js';

const MB = 1024 * 1024;

/** The email layer: message limits, mailbox watching, classification and its learning. */
export class EmailSettings {
  /** Largest raw message accepted (upload, mbox entry or IMAP fetch); larger ones are refused with a reason. */
  @IsInt()
  @Min(1024)
  @Max(512 * MB)
  EMAIL_MAX_BYTES: number = 25 * MB;

  /** Attachments kept per message; a message with more is refused (a zip bomb of parts). */
  @IsInt()
  @Min(0)
  @Max(1_000)
  EMAIL_MAX_ATTACHMENTS: number = 50;

  /** Largest single attachment kept; a larger one is recorded (name, size) but not stored. */
  @IsInt()
  @Min(1)
  @Max(512 * MB)
  EMAIL_MAX_ATTACHMENT_BYTES: number = 20 * MB;

  /** Redact what PII detection finds (emails, phones, IBANs, national ids) in the stored text. */
  @Transform(toBoolean)
  @IsBoolean()
  EMAIL_REDACT_PII: boolean = false;

  /** Watch the configured IMAP mailboxes on this instance (off: REST upload and mbox import only). */
  @Transform(toBoolean)
  @IsBoolean()
  EMAIL_MAILBOXES_ENABLED: boolean = true;

  /**
   * An IDLE command is ended and restarted after this long: servers drop an IDLE after 30 min
   * (RFC 2177) and NATs much sooner; GitLab's mail_room restarts it every 60 s.
   */
  @IsInt()
  @Min(5)
  @Max(1_740)
  EMAIL_IDLE_RESTART_SECONDS: number = 60;

  /** A catch-up search from the checkpoint this often, IDLE or not (the poll of servers without IDLE). */
  @IsInt()
  @Min(1)
  @Max(3_600)
  EMAIL_POLL_INTERVAL_SECONDS: number = 60;

  /** A connection that does not answer a NOOP within this long is dropped and replaced (the watchdog). */
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  EMAIL_WATCHDOG_TIMEOUT_MS: number = 15_000;

  /** Reconnects back off exponentially from 1 s up to this. */
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  EMAIL_RECONNECT_MAX_DELAY_MS: number = 60_000;

  /** A mailbox that cannot connect is DEGRADED at once and UNHEALTHY (with an alert) after this long. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  EMAIL_UNHEALTHY_AFTER_SECONDS: number = 300;

  /** How long an instance holds a mailbox without renewing; another takes it over after that. */
  @IsInt()
  @Min(2_000)
  @Max(600_000)
  EMAIL_MAILBOX_LEASE_MS: number = 30_000;

  /** Confidence below which a class with no threshold of its own goes to human review. */
  @IsNumber()
  @Min(0)
  @Max(1)
  EMAIL_MIN_CONFIDENCE: number = 0.6;

  /** Retrain on a schedule when examples were added since the active model (0: only on demand). */
  @IsInt()
  @Min(0)
  @Max(10_080)
  EMAIL_RETRAIN_INTERVAL_MINUTES: number = 60;

  /** Classifications are cached by content hash and model version for this long. */
  @IsInt()
  @Min(0)
  EMAIL_CLASSIFY_CACHE_TTL_MS: number = 3_600_000;
}

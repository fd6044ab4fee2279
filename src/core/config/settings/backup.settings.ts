import { Transform } from 'class-transformer';
import { CronTime } from 'cron';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { toBoolean } from './to-boolean.js';

/** Backups: when, where, how long kept, how verified. */
export class BackupSettings {
  /**
   * When the full backup runs (cron, 5 or 6 fields, UTC; seeds: daily at 02:00). `off` runs none
   * on a schedule; `POST /api/v1/backups` still does. Each tick runs on one instance.
   */
  @IsString()
  @MinLength(1)
  BACKUP_CRON: string = '0 2 * * *';

  /**
   * Where backup files are written (default `<DATA_DIR>/backups`). With several instances this
   * folder must be shared by all of them (a volume), as whichever instance wins a tick writes it.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  BACKUP_DIR?: string;

  /** Backup files older than this are deleted (the newest verified one is always kept). */
  @IsInt()
  @Min(1)
  @Max(3650)
  BACKUP_RETENTION_DAYS: number = 30;

  /**
   * After `pg_restore --list`, restore each backup into a scratch database and compare every
   * table's row count with the snapshot's (PGlite: load the archive into memory and compare).
   */
  @Transform(toBoolean)
  @IsBoolean()
  BACKUP_VERIFY_RESTORE: boolean = true;

  /** Folder holding `pg_dump` and `pg_restore` (unset: found on PATH). Their major version must be the server's or newer. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  BACKUP_PG_BIN_DIR?: string;

  /** The backup_failing alert fires when no backup has been verified for this long (daily schedule: 26 h). */
  @IsInt()
  @Min(1)
  BACKUP_STALE_AFTER_HOURS: number = 26;

  /** A backup (dump and verification) still running after this long is stopped and recorded as failed. */
  @IsInt()
  @Min(10_000)
  BACKUP_TIMEOUT_MS: number = 3_600_000;
}

/** The cron expression must parse, unless it is `off`. */
export function backupRules(settings: BackupSettings): string[] {
  if (settings.BACKUP_CRON === 'off') return [];
  try {
    new CronTime(settings.BACKUP_CRON, 'UTC');
    return [];
  } catch (error) {
    return [`BACKUP_CRON: not a cron expression or "off" (${(error as Error).message})`];
  }
}

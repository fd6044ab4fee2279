import { IsInt, Min } from 'class-validator';

/** The daily cleanup. */
export class RetentionSettings {
  /** Daily cleanup: finished attempts, relayed events, health checks and job runs older than this. */
  @IsInt()
  @Min(1)
  RETENTION_DAYS: number = 30;

  /** security_audit rows older than this are deleted by the daily cleanup (90 days). */
  @IsInt()
  @Min(1)
  AUDIT_RETENTION_DAYS: number = 90;
}

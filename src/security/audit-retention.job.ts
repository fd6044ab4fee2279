import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AppConfig } from '../core/config/app-config.service.js';
import { JobRunner } from '../state/job-runner.service.js';
import { SecurityAuditRepository } from '../state/repositories/security-audit.repository.js';

/** Daily at 03:30, after the robots' cleanup: audit entries past AUDIT_RETENTION_DAYS (90). */
export const AUDIT_RETENTION = { name: 'security.audit-retention', cron: '0 30 3 * * *', periodMs: 86_400_000 };

/** Schedules only: each tick runs on one instance (JobRunner). */
@Injectable()
export class AuditRetentionJob {
  constructor(
    private readonly runner: JobRunner,
    private readonly audit: SecurityAuditRepository,
    private readonly config: AppConfig,
  ) {}

  @Cron(AUDIT_RETENTION.cron, { name: AUDIT_RETENTION.name })
  purge(): Promise<boolean> {
    return this.runner.runOnce(AUDIT_RETENTION.name, AUDIT_RETENTION.periodMs, async () => ({
      deleted: await this.audit.purgeOlderThan(this.config.get('AUDIT_RETENTION_DAYS')),
    }));
  }
}

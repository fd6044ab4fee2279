import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AppConfig } from '../core/config/app-config.service.js';
import { JobRunner } from '../state/job-runner.service.js';
import { RetentionRepository } from '../state/repositories/retention.repository.js';
import { ExecutionsService } from './executions.service.js';
import { RobotsService } from './robots.service.js';

/** Every 5 s: leases are tens of seconds, so an abandoned robot is retried within a few seconds of its expiry. */
export const LEASE_SWEEP = { name: 'robots.lease-sweep', cron: '*/5 * * * * *', periodMs: 5_000 };
/** Every 5 s: a robot queued for a missing module starts soon after the module registers. */
export const ASSIGN_WAITING = { name: 'robots.assign-waiting', cron: '2-59/5 * * * * *', periodMs: 5_000 };

/** Daily at 03:00, after the seeds' 02:00 backup window. */
export const DAILY_CLEANUP = { name: 'robots.daily-cleanup', cron: '0 0 3 * * *', periodMs: 86_400_000 };

/** Schedules only: each tick runs on one instance (JobRunner); the work lives in the services. */
@Injectable()
export class RobotMaintenanceJob {
  constructor(
    private readonly runner: JobRunner,
    private readonly executions: ExecutionsService,
    private readonly robots: RobotsService,
    private readonly retention: RetentionRepository,
    private readonly config: AppConfig,
  ) {}

  @Cron(LEASE_SWEEP.cron, { name: LEASE_SWEEP.name })
  sweepLeases(): Promise<boolean> {
    return this.runner.runOnce(LEASE_SWEEP.name, LEASE_SWEEP.periodMs, () => this.executions.sweepExpiredLeases());
  }

  @Cron(ASSIGN_WAITING.cron, { name: ASSIGN_WAITING.name })
  assignWaiting(): Promise<boolean> {
    return this.runner.runOnce(ASSIGN_WAITING.name, ASSIGN_WAITING.periodMs, () => this.robots.assignUnassigned());
  }

  @Cron(DAILY_CLEANUP.cron, { name: DAILY_CLEANUP.name })
  cleanUp(): Promise<boolean> {
    return this.runner.runOnce(DAILY_CLEANUP.name, DAILY_CLEANUP.periodMs, () =>
      this.retention.purgeOlderThan(this.config.get('RETENTION_DAYS')),
    );
  }
}

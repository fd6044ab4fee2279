import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRunner } from '../state/job-runner.service.js';
import { ExecutionsService } from './executions.service.js';
import { RobotsService } from './robots.service.js';

/** Every 5 s: leases are tens of seconds, so an abandoned robot is retried within a few seconds of its expiry. */
export const LEASE_SWEEP = { name: 'robots.lease-sweep', cron: '*/5 * * * * *', periodMs: 5_000 };
/** Every 5 s: a robot queued for a missing module starts soon after the module registers. */
export const ASSIGN_WAITING = { name: 'robots.assign-waiting', cron: '2-59/5 * * * * *', periodMs: 5_000 };

/** Schedules only: each tick runs on one instance (JobRunner); the work lives in the services. */
@Injectable()
export class RobotMaintenanceJob {
  constructor(
    private readonly runner: JobRunner,
    private readonly executions: ExecutionsService,
    private readonly robots: RobotsService,
  ) {}

  @Cron(LEASE_SWEEP.cron, { name: LEASE_SWEEP.name })
  sweepLeases(): Promise<boolean> {
    return this.runner.runOnce(LEASE_SWEEP.name, LEASE_SWEEP.periodMs, () => this.executions.sweepExpiredLeases());
  }

  @Cron(ASSIGN_WAITING.cron, { name: ASSIGN_WAITING.name })
  assignWaiting(): Promise<boolean> {
    return this.runner.runOnce(ASSIGN_WAITING.name, ASSIGN_WAITING.periodMs, () => this.robots.assignUnassigned());
  }
}

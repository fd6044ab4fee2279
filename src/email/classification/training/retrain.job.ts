import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config.service.js';
import { JobRunner } from '../../../state/job-runner.service.js';
import { ScheduledRetrain } from './scheduled-retrain.service.js';

export const EMAIL_RETRAIN_JOB = 'email.retrain';

/**
 * Schedules only. The period is configurable (EMAIL_RETRAIN_INTERVAL_MINUTES; 0: off), which a
 * `@Cron` decorator cannot read, hence an unref'd timer as AlertsJob has; each tick runs on one
 * instance (JobRunner claims the tick), and the work is ScheduledRetrain's.
 */
@Injectable()
export class RetrainJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly periodMs: number;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly runner: JobRunner,
    private readonly retrain: ScheduledRetrain,
    config: AppConfig,
  ) {
    this.periodMs = config.get('EMAIL_RETRAIN_INTERVAL_MINUTES') * 60_000;
  }

  onApplicationBootstrap(): void {
    if (this.periodMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.periodMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** JobRunner skips a tick while the last one still trains, and logs a failure. */
  tick(): Promise<boolean> {
    return this.runner.runOnce(EMAIL_RETRAIN_JOB, this.periodMs || 60_000, () => this.retrain.run());
  }
}

import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { JobRunner } from '../../state/job-runner.service.js';
import { SlaRiskService } from './sla-risk.service.js';

export const SLA_RISK_JOB = 'monitoring.sla-risk';

/**
 * Schedules only. The period is configurable (SLA_CHECK_INTERVAL_MS; 0: off), which `@Interval`
 * cannot read, hence an unref'd timer as AlertsJob has; each tick runs on one instance.
 */
@Injectable()
export class SlaRiskJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly periodMs: number;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly runner: JobRunner,
    private readonly sla: SlaRiskService,
    config: AppConfig,
  ) {
    this.periodMs = config.get('SLA_CHECK_INTERVAL_MS');
  }

  onApplicationBootstrap(): void {
    if (this.periodMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.periodMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  tick(): Promise<boolean> {
    return this.runner.runOnce(SLA_RISK_JOB, this.periodMs || 30_000, async () => ({
      flagged: (await this.sla.check()).length,
    }));
  }
}

import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { JobRunner } from '../../state/job-runner.service.js';
import { AlertEvaluator } from './alert-evaluator.service.js';

export const FLEET_ALERTS_JOB = 'monitoring.fleet-alerts';

/**
 * Schedules only. The period is configurable (ALERT_EVALUATION_INTERVAL_MS), which a `@Interval`
 * decorator cannot read, hence a plain unref'd timer. Every instance judges its own figures each
 * tick; the fleet's rules run on one instance per tick (JobRunner).
 */
@Injectable()
export class AlertsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertsJob.name);
  private readonly intervalMs: number;
  private readonly enabled: boolean;
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly evaluator: AlertEvaluator,
    private readonly runner: JobRunner,
    config: AppConfig,
  ) {
    this.intervalMs = config.get('ALERT_EVALUATION_INTERVAL_MS');
    this.enabled = config.get('ALERTS_ENABLED');
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    // A tick slower than the period (the database is struggling) is not stacked on.
    if (this.running) return;
    this.running = true;
    try {
      await this.evaluator
        .evaluateInstance()
        .catch((error: Error) => this.logger.warn(`instance alerts not evaluated: ${error.message}`));
      await this.runner.runOnce(FLEET_ALERTS_JOB, this.intervalMs, async () => ({
        changes: (await this.evaluator.evaluateFleet()).length,
      }));
    } finally {
      this.running = false;
    }
  }
}

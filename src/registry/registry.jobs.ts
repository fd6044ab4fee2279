import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRunner } from '../state/job-runner.service.js';
import { HealthMonitorService } from './health-monitor.service.js';
import { PerformanceScorerService } from './performance-scorer.service.js';
import { RegistryService } from './registry.service.js';

/** Seeds: module health every 5 minutes. */
export const HEALTH_CHECKS = { name: 'modules.health-check', cron: '0 */5 * * * *', periodMs: 300_000 };
/** Seeds: performance scores every 15 minutes (offset so the two never start together). */
export const PERFORMANCE_SCORES = { name: 'modules.performance-score', cron: '30 */15 * * * *', periodMs: 900_000 };

/** capacity_utilization kept current: every 5 s, between the lease sweep and waiting-robot assignment. */
export const UTILIZATION = { name: 'modules.utilization', cron: '1-59/5 * * * * *', periodMs: 5_000 };
/** Seeds' cache warming: active modules with their health and scores every 5 minutes (TTL 300 s). */
export const WARM_MODULES = { name: 'cache.warm-modules', cron: '45 */5 * * * *', periodMs: 300_000 };

@Injectable()
export class RegistryJobs {
  constructor(
    private readonly runner: JobRunner,
    private readonly health: HealthMonitorService,
    private readonly scorer: PerformanceScorerService,
    private readonly registry: RegistryService,
  ) {}

  @Cron(UTILIZATION.cron, { name: UTILIZATION.name })
  refreshUtilization(): Promise<boolean> {
    return this.runner.runOnce(UTILIZATION.name, UTILIZATION.periodMs, () => this.scorer.refreshUtilization());
  }

  @Cron(WARM_MODULES.cron, { name: WARM_MODULES.name })
  warmModules(): Promise<boolean> {
    return this.runner.runOnce(WARM_MODULES.name, WARM_MODULES.periodMs, () => this.registry.warmModuleViews());
  }

  @Cron(HEALTH_CHECKS.cron, { name: HEALTH_CHECKS.name })
  checkHealth(): Promise<boolean> {
    return this.runner.runOnce(HEALTH_CHECKS.name, HEALTH_CHECKS.periodMs, () => this.health.checkAll());
  }

  @Cron(PERFORMANCE_SCORES.cron, { name: PERFORMANCE_SCORES.name })
  scorePerformance(): Promise<boolean> {
    return this.runner.runOnce(PERFORMANCE_SCORES.name, PERFORMANCE_SCORES.periodMs, () => this.scorer.scoreAll());
  }
}

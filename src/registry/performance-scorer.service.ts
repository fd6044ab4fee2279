import { Injectable } from '@nestjs/common';
import { LoadBalancerService } from '../load-balancer/load-balancer.service.js';
import { ModuleRegistryRepository } from '../state/repositories/module-registry.repository.js';
import { performanceOf } from './performance-policy.js';

/**
 * Recomputes every module's figures from the last 24 hours of attempts (seeds: every 15 minutes):
 * success_rate_24h, error_count_24h, avg_processing_time_ms, performance_score and tier, plus
 * capacity_utilization and the all-time totals. Totals are aggregated here rather than
 * incremented per robot, so creating robots never waits on one hot module_registry row.
 */
@Injectable()
export class PerformanceScorerService {
  constructor(
    private readonly modules: ModuleRegistryRepository,
    private readonly loadBalancer: LoadBalancerService,
  ) {}

  async scoreAll(): Promise<{ scored: number }> {
    const stats = await this.modules.moduleStats();
    for (const row of stats) {
      const perf = performanceOf({
        completed_24h: Number(row.completed_24h),
        failed_24h: Number(row.failed_24h),
        avg_processing_ms_24h: row.avg_processing_ms_24h === null ? null : Number(row.avg_processing_ms_24h),
      });
      await this.modules.applyScores(row.module_name, {
        performanceScore: perf.score,
        performanceTier: perf.tier,
        successRate24h: perf.success_rate,
        errorCount24h: Number(row.failed_24h),
        avgProcessingTimeMs: Math.round(Number(row.avg_processing_ms_24h ?? 0)),
        // DECIMAL(3,2): over-subscription shows as at most 9.99.
        capacityUtilization: Math.min(9.99, Math.round((Number(row.active) / row.max_concurrent_robots) * 100) / 100),
        totalRobotsProcessed: Number(row.total_completed),
        totalProcessingTimeHours: Math.round((Number(row.total_processing_ms ?? 0) / 3_600_000) * 100) / 100,
      });
    }
    await this.loadBalancer.invalidateModuleCaches();
    return { scored: stats.length };
  }

  /** Keeps capacity_utilization current between scorings; routing sees a change at once. */
  async refreshUtilization(): Promise<{ changed: number }> {
    const changed = await this.modules.refreshUtilization();
    if (changed.length > 0) await this.loadBalancer.invalidateModuleCaches();
    return { changed: changed.length };
  }
}

import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { CacheModule } from '../cache/cache.module.js';
import { StateModule } from '../state/state.module.js';
import { CacheHealthIndicator } from './health/cache.health.js';
import { DatabaseHealthIndicator } from './health/database.health.js';
import { HealthController } from './health/health.controller.js';

/** Observability [PerformanceTracker, MetricsDashboard]: health checks now; metrics, dashboard and alerts next. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), StateModule, CacheModule],
  controllers: [HealthController],
  providers: [DatabaseHealthIndicator, CacheHealthIndicator],
})
export class MonitoringModule {}

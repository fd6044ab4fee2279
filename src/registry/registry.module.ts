import { Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module.js';
import { LoadBalancerModule } from '../load-balancer/load-balancer.module.js';
import { SecurityModule } from '../security/security.module.js';
import { StateModule } from '../state/state.module.js';
import { RegistryController } from './registry.controller.js';
import { HealthMonitorService } from './health-monitor.service.js';
import { PerformanceScorerService } from './performance-scorer.service.js';
import { RegistryJobs } from './registry.jobs.js';
import { RegistryService } from './registry.service.js';
import { WorkerActivity } from './worker-activity.service.js';

/** Module registration over REST, health monitor and performance scorer [Module Assembly]. */
@Module({
  imports: [StateModule, CacheModule, LoadBalancerModule, SecurityModule],
  controllers: [RegistryController],
  providers: [RegistryService, HealthMonitorService, PerformanceScorerService, RegistryJobs, WorkerActivity],
  exports: [RegistryService, WorkerActivity],
})
export class RegistryModule {}

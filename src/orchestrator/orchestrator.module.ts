import { Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module.js';
import { DiscoveryModule } from '@nestjs/core';
import { LoadBalancerModule } from '../load-balancer/load-balancer.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { StateModule } from '../state/state.module.js';
import { ExecutionsService } from './executions.service.js';
import { RobotsController } from './robots.controller.js';
import { InProcessWorkers } from './in-process/in-process-workers.service.js';
import { RobotMaintenanceJob } from './robot-maintenance.job.js';
import { RobotsService } from './robots.service.js';
import { WorkController } from './work.controller.js';
import { WorkNotifier } from './work-notifier.js';

/** Robot lifecycle: create, route, claim, progress, complete, fail, retry, cancel [Orchestrator]. */
@Module({
  imports: [StateModule, CacheModule, LoadBalancerModule, RegistryModule, DiscoveryModule],
  controllers: [RobotsController, WorkController],
  providers: [RobotsService, ExecutionsService, WorkNotifier, RobotMaintenanceJob, InProcessWorkers],
  exports: [RobotsService],
})
export class OrchestratorModule {}

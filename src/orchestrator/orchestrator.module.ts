import { Global, Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module.js';
import { DiscoveryModule } from '@nestjs/core';
import { LoadBalancerModule } from '../load-balancer/load-balancer.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { StateModule } from '../state/state.module.js';
import { ExecutionsService } from './executions.service.js';
import { RobotsController } from './robots.controller.js';
import { InProcessWorkers } from './in-process/in-process-workers.service.js';
import { RobotMaintenanceJob } from './robot-maintenance.job.js';
import { RobotIntakeService } from './robot-intake.service.js';
import { RobotsService } from './robots.service.js';
import { ROBOT_INTAKE } from '../sdk/index.js';
import { WorkController } from './work.controller.js';
import { WorkNotifier } from './work-notifier.js';

/**
 * Robot lifecycle: create, route, claim, progress, complete, fail, retry, cancel [Orchestrator].
 * Global so that layers which may not import it (Email, OCR, Notification) can inject ROBOT_INTAKE.
 */
@Global()
@Module({
  imports: [StateModule, CacheModule, LoadBalancerModule, RegistryModule, DiscoveryModule],
  controllers: [RobotsController, WorkController],
  providers: [
    RobotsService,
    RobotIntakeService,
    { provide: ROBOT_INTAKE, useExisting: RobotIntakeService },
    ExecutionsService,
    WorkNotifier,
    RobotMaintenanceJob,
    InProcessWorkers,
  ],
  exports: [RobotsService, ROBOT_INTAKE],
})
export class OrchestratorModule {}

import { Module } from '@nestjs/common';
import { LoadBalancerModule } from '../load-balancer/load-balancer.module.js';
import { StateModule } from '../state/state.module.js';
import { RegistryController } from './registry.controller.js';
import { RegistryService } from './registry.service.js';

/** Module registration over REST [Module Assembly]; health monitor and scorer arrive with the orchestration issue. */
@Module({
  imports: [StateModule, LoadBalancerModule],
  controllers: [RegistryController],
  providers: [RegistryService],
  exports: [RegistryService],
})
export class RegistryModule {}

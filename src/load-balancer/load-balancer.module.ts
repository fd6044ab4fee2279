import { Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module.js';
import { StateModule } from '../state/state.module.js';
import { LoadBalancerService } from './load-balancer.service.js';
import { ModuleBreakerService } from './module-breaker.service.js';
import { RoutingWarmupJob } from './routing-warmup.job.js';
import { RoutingController } from './routing.controller.js';

/** Module selection: weighted score, strategies, explainable decisions [LoadBalancer]. */
@Module({
  imports: [StateModule, CacheModule],
  controllers: [RoutingController],
  providers: [LoadBalancerService, ModuleBreakerService, RoutingWarmupJob],
  exports: [LoadBalancerService, ModuleBreakerService],
})
export class LoadBalancerModule {}

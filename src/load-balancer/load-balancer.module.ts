import { Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module.js';
import { StateModule } from '../state/state.module.js';
import { LoadBalancerService } from './load-balancer.service.js';
import { RoutingController } from './routing.controller.js';

/** Module selection: weighted score, strategies, explainable decisions [LoadBalancer]. */
@Module({
  imports: [StateModule, CacheModule],
  controllers: [RoutingController],
  providers: [LoadBalancerService],
  exports: [LoadBalancerService],
})
export class LoadBalancerModule {}

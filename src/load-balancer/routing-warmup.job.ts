import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRunner } from '../state/job-runner.service.js';
import { LoadBalancerService } from './load-balancer.service.js';

/** Seeds' cache warming: the routing table every minute (its TTL is 60 s). */
export const WARM_ROUTING = { name: 'cache.warm-routing', cron: '15 * * * * *', periodMs: 60_000 };

@Injectable()
export class RoutingWarmupJob {
  constructor(
    private readonly runner: JobRunner,
    private readonly loadBalancer: LoadBalancerService,
  ) {}

  @Cron(WARM_ROUTING.cron, { name: WARM_ROUTING.name })
  warm(): Promise<boolean> {
    return this.runner.runOnce(WARM_ROUTING.name, WARM_ROUTING.periodMs, () => this.loadBalancer.warmRoutingTables());
  }
}

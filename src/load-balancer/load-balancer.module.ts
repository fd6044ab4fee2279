import { Module } from '@nestjs/common';

/**
 * Module selection: weighted score, strategies, explainable decisions [LoadBalancer].
 * The layer's place in the dependency graph is fixed now; its behaviour arrives with its issue.
 */
@Module({})
export class LoadBalancerModule {}

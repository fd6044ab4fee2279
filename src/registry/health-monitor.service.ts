import { Injectable, Logger } from '@nestjs/common';
import { CacheService } from '../cache/cache.service.js';
import { CacheKind, cacheKey } from '../cache/cache-ttl.policy.js';
import { AppConfig } from '../core/config/app-config.service.js';
import { LoadBalancerService } from '../load-balancer/load-balancer.service.js';
import { ModuleRegistryRepository } from '../state/repositories/module-registry.repository.js';

export interface HealthCheckOutcome {
  module_name: string;
  ok: boolean;
  latency_ms: number;
  error: string | null;
  before?: string;
  after?: string;
}

/**
 * Calls every active module's health endpoint (seeds: every 5 minutes) with a timeout.
 * Consecutive failures move a module HEALTHY → DEGRADED → UNHEALTHY (out of routing); one success
 * brings it back. A change invalidates the routing tables at once.
 */
@Injectable()
export class HealthMonitorService {
  private readonly logger = new Logger(HealthMonitorService.name);
  private readonly timeoutMs: number;
  private readonly thresholds: { degradedAfter: number; unhealthyAfter: number };

  constructor(
    private readonly modules: ModuleRegistryRepository,
    private readonly loadBalancer: LoadBalancerService,
    private readonly cache: CacheService,
    config: AppConfig,
  ) {
    this.timeoutMs = config.get('HEALTH_CHECK_TIMEOUT_MS');
    this.thresholds = {
      degradedAfter: config.get('HEALTH_DEGRADED_AFTER'),
      unhealthyAfter: config.get('HEALTH_UNHEALTHY_AFTER'),
    };
  }

  async checkAll(): Promise<{ checked: number; changed: number }> {
    const targets = (await this.modules.listActive()).filter((m) => m.healthEndpoint);
    const outcomes = await Promise.all(targets.map((m) => this.check(m.moduleName, m.healthEndpoint!)));
    return { checked: outcomes.length, changed: outcomes.filter((o) => o.before !== o.after).length };
  }

  async check(moduleName: string, endpoint: string): Promise<HealthCheckOutcome> {
    const started = performance.now();
    let error: string | null = null;
    try {
      const response = await fetch(endpoint, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'manual' });
      await response.body?.cancel();
      if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
    } catch (cause) {
      error = (cause as Error).name === 'TimeoutError' ? `timeout after ${this.timeoutMs} ms` : 'connection failed';
    }
    const latency = Math.round(performance.now() - started);
    const moved = await this.modules.recordHealthCheck(
      moduleName,
      { ok: error === null, latencyMs: latency, error },
      this.thresholds,
    );
    if (moved && moved.before !== moved.after) {
      this.logger.warn(`module ${moduleName} health ${moved.before} → ${moved.after}`);
      await this.loadBalancer.invalidateModuleCaches();
    } else {
      await this.cache.invalidate(cacheKey(CacheKind.ModuleHealth, moduleName)); // last_health_check moved
    }
    return { module_name: moduleName, ok: error === null, latency_ms: latency, error, ...moved };
  }
}

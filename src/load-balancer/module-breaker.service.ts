import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config.service.js';
import { ModuleRegistryRepository } from '../state/repositories/module-registry.repository.js';
import { LoadBalancerService } from './load-balancer.service.js';

/**
 * Quarantines a module whose robots keep failing, so routing and retries move away from it, and
 * lets one probe robot through after the cool-down. The state lives in module_registry, so every
 * instance sees the same breaker. Business (VALIDATION) failures never count against a module.
 */
@Injectable()
export class ModuleBreakerService {
  private readonly logger = new Logger(ModuleBreakerService.name);
  private readonly policy: { minFailures: number; failureRate: number; windowSeconds: number; cooldownSeconds: number };

  constructor(
    private readonly modules: ModuleRegistryRepository,
    private readonly loadBalancer: LoadBalancerService,
    config: AppConfig,
  ) {
    this.policy = {
      minFailures: config.get('BREAKER_MIN_FAILURES'),
      failureRate: config.get('BREAKER_FAILURE_RATE'),
      windowSeconds: config.get('BREAKER_WINDOW_SECONDS'),
      cooldownSeconds: config.get('BREAKER_COOLDOWN_SECONDS'),
    };
  }

  async recordOutcome(moduleName: string, ok: boolean): Promise<void> {
    const moved = await this.modules.recordAttemptOutcome(moduleName, ok, this.policy);
    if (moved && moved.before !== moved.after) {
      this.logger.warn(`module ${moduleName} circuit breaker ${moved.before} → ${moved.after}`);
      await this.loadBalancer.invalidateModuleCaches();
    }
  }
}

import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config.service.js';
import { LoadBalancerService } from '../load-balancer/load-balancer.service.js';
import { ModuleRegistryRepository } from '../state/repositories/module-registry.repository.js';

/** How often each instance writes the activity it saw: a module's health is at most this late. */
export const ACTIVITY_FLUSH_MS = 5_000;

/**
 * Worker activity as liveness, for modules without a health endpoint (pull-only workers), which
 * would otherwise stay UNKNOWN and lose the health share of their routing score. A claim or a
 * progress report (a heartbeat is an empty one) marks its module in this instance's memory: no
 * write on the hot path. Every ACTIVITY_FLUSH_MS one statement makes the marked modules HEALTHY
 * (`last_health_check` = now) and those silent for longer than LEASE_SECONDS DEGRADED: a live
 * worker cannot be silent that long, since an idle one long-polls claims (30 s at most) and a busy
 * one must report within its lease or lose its robot. Silence never makes a module UNHEALTHY: a
 * worker scaled to zero leaves its robots queued for it, not refused.
 */
@Injectable()
export class WorkerActivity implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerActivity.name);
  private readonly silenceSeconds: number;
  private marked = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly modules: ModuleRegistryRepository,
    private readonly loadBalancer: LoadBalancerService,
    config: AppConfig,
  ) {
    this.silenceSeconds = config.get('LEASE_SECONDS');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.flush().catch((error: Error) => this.logger.warn(`worker activity not recorded: ${error.message}`));
    }, ACTIVITY_FLUSH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The module's worker showed it is alive. */
  mark(moduleName: string): void {
    this.marked.add(moduleName);
  }

  /** Writes the marks and demotes the silent modules; routing tables are dropped when a health moved. */
  async flush(): Promise<{ changed: string[] }> {
    const seen = [...this.marked];
    this.marked = new Set();
    try {
      const changed = await this.modules.recordActivity(seen, this.silenceSeconds);
      if (changed.length > 0) {
        this.logger.log(
          `module health from worker activity: ${changed.map((c) => `${c.module_name} → ${c.after}`).join(', ')}`,
        );
        await this.loadBalancer.invalidateModuleCaches();
      }
      return { changed: changed.map((c) => c.module_name) };
    } catch (error) {
      // Not lost: the next flush writes them.
      for (const name of seen) this.marked.add(name);
      throw error;
    }
  }
}

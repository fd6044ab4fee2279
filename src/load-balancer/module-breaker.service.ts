import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config.service.js';
import { JobRunner } from '../state/job-runner.service.js';
import {
  type BreakerPolicy,
  ModuleBreakerRepository,
  type OutcomeDelta,
} from '../state/repositories/module-breaker.repository.js';
import { LoadBalancerService } from './load-balancer.service.js';

// Counters live in buckets this long: a window of 600 s is 120 rows per module and instance.
const BUCKET_SECONDS = 5;

/**
 * Quarantines a module whose robots keep failing, so routing and retries move away from it, and
 * lets one probe robot through after the cool-down. The state lives in module_registry, so every
 * instance sees the same breaker. Business (VALIDATION) failures never count against a module.
 *
 * Recording an outcome is O(1) and touches no shared row: it adds to this instance's counters,
 * which are flushed and judged every BREAKER_EVALUATION_INTERVAL_MS (ModuleBreakerRepository.flush).
 * Completions therefore never wait on the module's row, however many run at once.
 */
@Injectable()
export class ModuleBreakerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ModuleBreakerService.name);
  private readonly policy: BreakerPolicy;
  private readonly intervalMs: number;
  private pending = new Map<string, OutcomeDelta>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly breakers: ModuleBreakerRepository,
    private readonly loadBalancer: LoadBalancerService,
    private readonly runner: JobRunner,
    config: AppConfig,
  ) {
    this.policy = {
      minFailures: config.get('BREAKER_MIN_FAILURES'),
      failureRate: config.get('BREAKER_FAILURE_RATE'),
      windowSeconds: config.get('BREAKER_WINDOW_SECONDS'),
      cooldownSeconds: config.get('BREAKER_COOLDOWN_SECONDS'),
      bucketSeconds: BUCKET_SECONDS,
    };
    this.intervalMs = config.get('BREAKER_EVALUATION_INTERVAL_MS');
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs).unref();
  }

  /** What was counted and not yet judged is judged before the process ends. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** One ended attempt of the module: `ok`, or a failure that counts against it. */
  recordOutcome(moduleName: string, ok: boolean): void {
    let delta = this.pending.get(moduleName);
    if (!delta) this.pending.set(moduleName, (delta = { moduleName, succeeded: 0, failed: 0 }));
    if (ok) delta.succeeded++;
    else delta.failed++;
  }

  /** Writes the counters and moves the breakers; one flush at a time, a failed one is retried. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushOnce());
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    if (this.pending.size === 0) return;
    const deltas = [...this.pending.values()];
    this.pending = new Map();
    try {
      const moves = await this.breakers.flush(this.runner.instanceId, deltas, this.policy);
      for (const move of moves)
        this.logger.warn(`module ${move.module_name} circuit breaker ${move.before} → ${move.after}`);
      if (moves.length > 0) await this.loadBalancer.invalidateModuleCaches();
    } catch (error) {
      // Counted again with the next flush: a database blip delays a decision, it loses nothing.
      for (const delta of deltas) {
        const again = this.pending.get(delta.moduleName);
        if (again) {
          again.succeeded += delta.succeeded;
          again.failed += delta.failed;
        } else this.pending.set(delta.moduleName, delta);
      }
      this.logger.warn(`breaker counters not written (${(error as Error).message}); retried in ${this.intervalMs} ms`);
    }
  }
}

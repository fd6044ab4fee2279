import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { RegistryService } from '../../registry/registry.service.js';
import { ModuleHealth } from '../../state/entities/index.js';
import { ModuleRegistryRepository } from '../../state/repositories/module-registry.repository.js';
import type { ClaimedRobotDto } from '../dto/execution.dto.js';
import { ExecutionsService } from '../executions.service.js';
import { OrchestratorErrorCode } from '../orchestrator.errors.js';
import { WorkNotifier } from '../work-notifier.js';
import { ProgressReporter } from './progress-reporter.js';
import { ErrorCategory, RobotFailure, type RobotHandler, type RobotHandlerOptions } from '../../sdk/index.js';
import { ROBOT_HANDLER } from '../../sdk/robot-handler.decorator.js';

// An idle worker waits this long per claim; new work in this process wakes it at once.
const CLAIM_WAIT_MS = 1_000;
// The claim API's own bound (max_robots).
const MAX_CLAIM = 100;
/**
 * Robots a handler runs at once per instance when it does not say. In-process handlers share the
 * event loop, and most robots spend their time waiting (on the database, on other services), so
 * the bound is on waiting, not on CPU; it is Temporal's default for concurrent activities per
 * worker (100). Measured with bench:e2e, text_stats end to end: 32 → 610/s, 128 → 949/s, as claims
 * and completions go in fuller batches. A CPU-bound handler (OCR, parsing large files) should set
 * `concurrency` near the cores it may use, and one calling a fragile service what it can bear.
 */
export const DEFAULT_HANDLER_CONCURRENCY = 100;

interface Worker {
  options: Required<RobotHandlerOptions>;
  handler: RobotHandler;
  running: Map<string, AbortController>;
  loop?: Promise<void>;
}

/**
 * Runs in-process modules: providers marked with @RobotHandlerFor are registered as modules at
 * boot and fed through the same claim, lease and report path as remote workers, so routing,
 * retries, fencing and the timeout sweep treat both alike. A heartbeat extends the lease while
 * the handler runs; losing the lease (cancel, expiry) aborts the handler's signal.
 */
@Injectable()
export class InProcessWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InProcessWorkers.name);
  private readonly workers: Worker[] = [];
  private readonly leaseSeconds: number;
  private stopping = false;
  private readonly shutdown = new AbortController();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly registry: RegistryService,
    private readonly modules: ModuleRegistryRepository,
    private readonly executions: ExecutionsService,
    private readonly notifier: WorkNotifier,
    config: AppConfig,
  ) {
    this.leaseSeconds = config.get('LEASE_SECONDS');
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const options = wrapper.metatype && Reflect.getMetadata(ROBOT_HANDLER, wrapper.metatype);
      if (!options || !wrapper.instance) continue;
      const worker: Worker = {
        options: { concurrency: DEFAULT_HANDLER_CONCURRENCY, ...(options as RobotHandlerOptions) },
        handler: wrapper.instance as RobotHandler,
        running: new Map(),
      };
      await this.registry.register({
        module_name: worker.options.name,
        module_version: worker.options.version,
        supported_robot_types: worker.options.robotTypes,
        max_concurrent_robots: worker.options.concurrency,
        registration_data: { in_process: true },
      });
      // Alive in this very process: healthy by construction, no endpoint to poll.
      await this.modules.recordHealth(worker.options.name, ModuleHealth.Healthy);
      this.workers.push(worker);
      worker.loop = this.run(worker);
      this.logger.log(`in-process module ${worker.options.name} handles ${worker.options.robotTypes.join(', ')}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.shutdown.abort();
    for (const worker of this.workers) {
      for (const controller of worker.running.values()) controller.abort();
      // Ends a claim that is long-polling right now.
      this.notifier.notify(worker.options.name);
    }
    await Promise.all(this.workers.map((worker) => worker.loop));
  }

  /**
   * Claims in batches: once a quarter of the slots are free (or none is busy), it claims them all
   * in one statement, instead of one claim per finished robot.
   */
  private async run(worker: Worker): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    const batch = Math.max(1, Math.ceil(worker.options.concurrency / 4));
    while (!this.stopping) {
      const free = worker.options.concurrency - worker.running.size;
      if (free < batch && worker.running.size > 0) {
        await Promise.race(inFlight);
        continue;
      }
      try {
        const claimed = await this.executions.claim(
          worker.options.name,
          {
            max_robots: Math.min(free, MAX_CLAIM),
            lease_seconds: this.leaseSeconds,
            wait_ms: CLAIM_WAIT_MS,
          },
          this.shutdown.signal,
        );
        for (const robot of claimed) {
          const task = this.execute(worker, robot).finally(() => inFlight.delete(task));
          inFlight.add(task);
        }
      } catch (error) {
        if (this.stopping) break;
        this.logger.warn(`${worker.options.name}: claim failed (${(error as Error).message}); retrying in 1 s`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    await Promise.allSettled(inFlight);
  }

  private async execute(worker: Worker, robot: ClaimedRobotDto): Promise<void> {
    const controller = new AbortController();
    worker.running.set(robot.execute_id, controller);
    const lease = robot.lease_token;
    const reporter = new ProgressReporter(
      async (reports) => (await this.executions.reportSteps(robot.execute_id, lease, reports)) !== null,
      () => controller.abort(),
      (error) => this.logger.warn(`${robot.robot_id}: progress not recorded (${(error as Error).message})`),
    );
    // Heartbeat at a third of the lease, so one missed beat never loses it.
    const heartbeat = setInterval(() => reporter.report({}), (this.leaseSeconds * 1000) / 3);
    try {
      const output = await worker.handler.handle({
        robotId: robot.robot_id,
        robotType: robot.robot_type,
        input: robot.input_data,
        attempt: robot.retry_count + 1,
        signal: controller.signal,
        progress: (p) => {
          reporter.report({
            currentStep: p.step,
            stepCategory: p.category,
            progressPercentage: p.percentage,
            completedSteps: p.completedSteps,
            totalSteps: p.totalSteps,
            stepDetails: p.details,
          });
          return Promise.resolve();
        },
      });
      clearInterval(heartbeat);
      await reporter.settle();
      if (!controller.signal.aborted)
        await this.executions.complete(robot.execute_id, { lease_token: lease, output_data: output });
    } catch (error) {
      clearInterval(heartbeat);
      const leaseLost = error instanceof DomainException && error.code === OrchestratorErrorCode.LeaseLost;
      if (controller.signal.aborted || leaseLost) return;
      await reporter.settle();
      const failure =
        error instanceof RobotFailure ? error : new RobotFailure(ErrorCategory.System, (error as Error).message);
      await this.executions
        .fail(robot.execute_id, {
          lease_token: lease,
          error_category: failure.category,
          error_message: failure.message.slice(0, 2_000),
          error_details: failure.details,
        })
        .catch((cause: Error) => this.logger.warn(`${robot.robot_id}: could not record failure (${cause.message})`));
    } finally {
      clearInterval(heartbeat);
      worker.running.delete(robot.execute_id);
    }
  }
}

import { Injectable } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config.service.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { LoadBalancerService } from '../load-balancer/load-balancer.service.js';
import { ModuleBreakerService } from '../load-balancer/module-breaker.service.js';
import { OutboxRelay } from '../state/outbox-relay.service.js';
import { ModuleRegistryRepository } from '../state/repositories/module-registry.repository.js';
import {
  type Failure,
  type RobotRow,
  RobotLifecycleRepository,
} from '../state/repositories/robot-lifecycle.repository.js';
import type { ClaimedRobotDto, ClaimRobotsDto, CompleteDto, FailDto, ProgressDto } from './dto/execution.dto.js';
import { ExecutionResponseDto } from './dto/execution.dto.js';
import { isoUtc } from './dto/format.js';
import { RobotResponseDto } from './dto/robot-response.dto.js';
import { leaseLost, OrchestratorErrorCode } from './orchestrator.errors.js';
import { backoffMs, ErrorCategory, isRetryable } from './retry-policy.js';
import { RobotsService } from './robots.service.js';
import { WorkNotifier } from './work-notifier.js';

// Cross-instance work is found by polling at this pace while a claim long-polls.
const POLL_INTERVAL_MS = 200;

/** Remote workers' side of the lifecycle: claim under a lease, report progress, complete, fail. */
@Injectable()
export class ExecutionsService {
  private readonly defaultLease: number;
  private readonly backoff: { base: number; max: number };

  constructor(
    private readonly lifecycle: RobotLifecycleRepository,
    private readonly modules: ModuleRegistryRepository,
    private readonly loadBalancer: LoadBalancerService,
    private readonly robots: RobotsService,
    private readonly notifier: WorkNotifier,
    private readonly relay: OutboxRelay,
    private readonly breaker: ModuleBreakerService,
    config: AppConfig,
  ) {
    this.defaultLease = config.get('LEASE_SECONDS');
    this.backoff = { base: config.get('RETRY_BACKOFF_BASE_MS'), max: config.get('RETRY_BACKOFF_MAX_MS') };
  }

  /** Claims up to max_robots; with wait_ms, waits (long poll) until work arrives or time is up. */
  /** `stop` ends a long poll early (an in-process worker shutting down). */
  async claim(moduleName: string, dto: ClaimRobotsDto, stop?: AbortSignal): Promise<ClaimedRobotDto[]> {
    const module = await this.modules.findByName(moduleName);
    if (!module) throw new DomainException('MODULE_NOT_FOUND', 404, `No module is registered as ${moduleName}.`);
    if (!module.isActive) {
      throw new DomainException(
        OrchestratorErrorCode.ModuleInactive,
        409,
        `Module ${moduleName} is deactivated: it cannot claim work.`,
      );
    }
    const max = dto.max_robots ?? 1;
    const lease = dto.lease_seconds ?? this.defaultLease;
    const deadline = Date.now() + (dto.wait_ms ?? 0);
    for (;;) {
      const claimed = await this.lifecycle.claim(moduleName, max, lease);
      if (claimed.length > 0 || Date.now() >= deadline || stop?.aborted) {
        await Promise.all(claimed.map((robot) => this.robots.forget(robot.robot_id)));
        return claimed.map(({ attempt, ...robot }) => ({
          ...RobotResponseDto.of(robot as RobotRow),
          execute_id: attempt.execute_id,
          lease_token: attempt.lease_token!,
          lease_expires_at: isoUtc(attempt.lease_expires_at)!,
        }));
      }
      await this.notifier.wait(moduleName, Math.min(POLL_INTERVAL_MS, deadline - Date.now()));
    }
  }

  /** `boundModule`: a module-bound caller may touch its own module's attempts only. */
  async progress(
    executeId: string,
    dto: ProgressDto,
    boundModule: string | null = null,
  ): Promise<ExecutionResponseDto> {
    const row = await this.lifecycle.progress(
      executeId,
      dto.lease_token,
      this.defaultLease,
      {
        currentStep: dto.current_step,
        stepCategory: dto.step_category,
        progressPercentage: dto.progress_percentage,
        completedSteps: dto.completed_steps,
        totalSteps: dto.total_steps,
        stepDetails: dto.step_details,
        stepDurationMs: dto.step_duration_ms,
        cpuUsagePercent: dto.cpu_usage_percent,
        memoryUsageMb: dto.memory_usage_mb,
      },
      boundModule,
    );
    if (!row) throw leaseLost(executeId);
    this.relay.kick();
    return ExecutionResponseDto.of(row);
  }

  async complete(executeId: string, dto: CompleteDto, boundModule: string | null = null): Promise<RobotResponseDto> {
    const robot = await this.lifecycle.complete(
      executeId,
      dto.lease_token,
      {
        outputData: dto.output_data,
        completenessScore: dto.completeness_score,
        confidenceScore: dto.confidence_score,
      },
      boundModule,
    );
    if (!robot) throw leaseLost(executeId);
    await this.robots.forget(robot.robot_id);
    if (robot.module_name) await this.breaker.recordOutcome(robot.module_name, true);
    return RobotResponseDto.of(robot);
  }

  /**
   * Fails the attempt. A retryable category with retries left schedules the next attempt after
   * the backoff, on the best module for the type now (failover when its module became unhealthy).
   */
  async fail(executeId: string, dto: FailDto, boundModule: string | null = null): Promise<RobotResponseDto> {
    const failure = { category: dto.error_category, message: dto.error_message, details: dto.error_details ?? {} };
    const robot = await this.failAttempt(executeId, dto.lease_token, failure, undefined, boundModule);
    if (!robot) throw leaseLost(executeId);
    return RobotResponseDto.of(robot);
  }

  /**
   * The timeout sweep: attempts whose lease ran out (the worker stopped reporting) or that outlived
   * timeout_seconds fail as TIMEOUT, so they are retried like any system error and nothing stays
   * PROCESSING forever. The lease token fences off the old worker.
   */
  async sweepExpiredLeases(batch = 100): Promise<{ timed_out: number }> {
    let timedOut = 0;
    for (const attempt of await this.lifecycle.expiredAttempts(batch)) {
      const failure = {
        category: ErrorCategory.Timeout,
        message: 'Lease expired or timeout_seconds exceeded',
        details: { reason: 'lease_expired' },
      };
      if (await this.failAttempt(attempt.execute_id, attempt.lease_token, failure, attempt.robot_type)) timedOut++;
    }
    return { timed_out: timedOut };
  }

  /**
   * Fails an attempt; a retryable category with retries left schedules the next attempt after the
   * backoff, on the best module for the type now (failover when its module became unhealthy).
   */
  private async failAttempt(
    executeId: string,
    leaseToken: string,
    failure: Failure,
    knownType?: string,
    boundModule: string | null = null,
  ): Promise<RobotRow | null> {
    const category = failure.category as ErrorCategory;
    // Routed before the transaction: it must not wait on anything else (see RobotLifecycleRepository).
    const robotType = isRetryable(category)
      ? (knownType ?? (await this.lifecycle.robotTypeOfExecution(executeId)))
      : null;
    const failover = robotType ? (await this.loadBalancer.select(robotType)).selected_module : null;
    const result = await this.lifecycle.failAttempt(
      executeId,
      leaseToken,
      failure,
      (robot) => {
        const retry = isRetryable(category) && robot.retry_count < robot.retry_limit;
        return {
          retry,
          delayMs: retry ? backoffMs(robot.retry_count, this.backoff.base, this.backoff.max) : 0,
          moduleName: (retry && failover) || robot.module_name,
        };
      },
      boundModule,
    );
    if (!result) return null;
    await this.robots.forget(result.robot.robot_id);
    if (category !== ErrorCategory.Validation) await this.breaker.recordOutcome(result.attemptModule, false);
    if (result.retried && result.robot.module_name) this.notifier.announce(result.robot.module_name);
    return result.robot;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config.service.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { LoadBalancerService } from '../load-balancer/load-balancer.service.js';
import { ModuleBreakerService } from '../load-balancer/module-breaker.service.js';
import { WorkerActivity } from '../registry/worker-activity.service.js';
import { OutboxRelay } from '../state/outbox-relay.service.js';
import { AttemptLeaseRepository } from '../state/repositories/attempt-lease.repository.js';
import { AttemptOutcomeRepository } from '../state/repositories/attempt-outcome.repository.js';
import type { ExecutionRow, ProgressReport, RobotRow } from '../state/repositories/robot-rows.js';
import { BatchOutcome, type CompleteBatchDto, type CompleteBatchResponseDto } from './dto/complete-batch.dto.js';
import type { ClaimedRobotDto, ClaimRobotsDto, CompleteDto, FailDto, ProgressDto } from './dto/execution.dto.js';
import { ExecutionResponseDto } from './dto/execution.dto.js';
import { isoUtc } from './dto/format.js';
import { RobotResponseDto } from './dto/robot-response.dto.js';
import { leaseLost, OrchestratorErrorCode } from './orchestrator.errors.js';
import { moduleNotFound } from '../registry/registry.errors.js';
import { isRetryable } from './retry-policy.js';
import { RobotsService } from './robots.service.js';
import { ErrorCategory } from '../sdk/index.js';
import { WorkNotifier } from './work-notifier.js';

// Cross-instance work is found by polling at this pace while a claim long-polls.
const POLL_INTERVAL_MS = 200;

/** Remote workers' side of the lifecycle: claim under a lease, report progress, complete, fail. */
@Injectable()
export class ExecutionsService {
  private readonly logger = new Logger(ExecutionsService.name);
  private readonly defaultLease: number;

  constructor(
    private readonly leases: AttemptLeaseRepository,
    private readonly outcomes: AttemptOutcomeRepository,
    private readonly loadBalancer: LoadBalancerService,
    private readonly robots: RobotsService,
    private readonly notifier: WorkNotifier,
    private readonly relay: OutboxRelay,
    private readonly breaker: ModuleBreakerService,
    private readonly activity: WorkerActivity,
    config: AppConfig,
  ) {
    this.defaultLease = config.get('LEASE_SECONDS');
  }

  /** Claims up to max_robots; with wait_ms, waits (long poll) until work arrives or time is up. */
  /** `stop` ends a long poll early (an in-process worker shutting down). */
  async claim(moduleName: string, dto: ClaimRobotsDto, stop?: AbortSignal): Promise<ClaimedRobotDto[]> {
    const module = await this.loadBalancer.registration(moduleName);
    if (!module) throw moduleNotFound(moduleName);
    if (!module.isActive) {
      throw new DomainException(
        OrchestratorErrorCode.ModuleInactive,
        `Module ${moduleName} is deactivated: it cannot claim work.`,
      );
    }
    this.activity.mark(moduleName);
    const max = dto.max_robots ?? 1;
    const lease = dto.lease_seconds ?? this.defaultLease;
    const deadline = Date.now() + (dto.wait_ms ?? 0);
    for (;;) {
      const claimed = await this.leases.claim(moduleName, max, lease);
      if (claimed.length > 0 || Date.now() >= deadline || stop?.aborted) {
        await this.robots.forgetMany(claimed.map((robot) => robot.robot_id));
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
    const row = await this.leases.progress(
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
    this.activity.mark(row.module_name);
    this.relay.kick();
    return ExecutionResponseDto.of(row);
  }

  /**
   * An in-process handler's reports, oldest first, written as one: the row gets the merged
   * values, and each report its own robot.progress event. Null when the lease is not current.
   */
  reportSteps(executeId: string, leaseToken: string, reports: ProgressReport[]): Promise<ExecutionRow | null> {
    const merged = Object.assign({}, ...reports.map(definedOnly)) as ProgressReport;
    return this.leases.progress(executeId, leaseToken, this.defaultLease, merged, null, reports);
  }

  async complete(executeId: string, dto: CompleteDto, boundModule: string | null = null): Promise<RobotResponseDto> {
    const robot = await this.outcomes.complete(this.completion(executeId, dto, boundModule));
    if (!robot) throw leaseLost(executeId);
    await this.completed([robot]);
    return RobotResponseDto.of(robot);
  }

  /**
   * Completes up to 100 attempts in one call (their statements shared with concurrent calls);
   * each result answers for itself: a lost lease refuses that one, not its neighbours.
   */
  async completeBatch(dto: CompleteBatchDto, boundModule: string | null = null): Promise<CompleteBatchResponseDto> {
    const settled = await this.outcomes.completeMany(
      dto.results.map((item) => this.completion(item.execute_id, item, boundModule)),
    );
    const robots = settled.flatMap((s) => (s.status === 'fulfilled' && s.value ? [s.value] : []));
    await this.completed(robots);
    const results = settled.map((s, i) => {
      const executeId = dto.results[i].execute_id;
      if (s.status === 'rejected') {
        this.logger.warn(`batch completion of ${executeId} failed: ${(s.reason as Error).message}`);
        return { execute_id: executeId, status: BatchOutcome.Unavailable };
      }
      return s.value
        ? { execute_id: executeId, status: BatchOutcome.Completed, robot: RobotResponseDto.of(s.value) }
        : { execute_id: executeId, status: BatchOutcome.LeaseLost };
    });
    if (settled.every((s) => s.status === 'rejected')) throw (settled[0] as PromiseRejectedResult).reason;
    return { completed: robots.length, refused: results.length - robots.length, results };
  }

  private completion(executeId: string, dto: CompleteDto, boundModule: string | null) {
    return {
      executeId,
      leaseToken: dto.lease_token,
      outputData: dto.output_data,
      completenessScore: dto.completeness_score,
      confidenceScore: dto.confidence_score,
      boundModule,
    };
  }

  /** After commit: cached statuses dropped, the breaker told, the relay woken. */
  async completed(robots: RobotRow[]): Promise<void> {
    for (const robot of robots) if (robot.module_name) this.breaker.recordOutcome(robot.module_name, true);
    await this.robots.forgetMany(robots.map((robot) => robot.robot_id));
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
    for (const attempt of await this.leases.expiredAttempts(batch)) {
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
    const retryable = isRetryable(category);
    // Routed before the statement, from the routing cache: nothing waits inside it.
    const robotType = retryable ? (knownType ?? (await this.leases.robotTypeOfExecution(executeId))) : null;
    const failover = robotType ? (await this.loadBalancer.select(robotType)).selected_module : null;
    const result = await this.outcomes.fail({
      executeId,
      leaseToken,
      category: failure.category,
      message: failure.message,
      details: failure.details,
      retryable,
      failoverModule: failover,
      jitter: Math.random(),
      boundModule,
    });
    if (!result) return null;
    // A business (VALIDATION) failure is the module working as it should: an ended attempt, not a failure.
    this.breaker.recordOutcome(result.attemptModule, category === ErrorCategory.Validation);
    await this.robots.forget(result.robot.robot_id);
    if (result.retried && result.robot.module_name) this.notifier.announce(result.robot.module_name);
    return result.robot;
  }
}

/** What failed, as a worker or the timeout sweep reports it. */
export interface Failure {
  category: string;
  message: string;
  details: Record<string, unknown>;
}

const definedOnly = (report: ProgressReport) =>
  Object.fromEntries(Object.entries(report).filter(([, value]) => value !== undefined));

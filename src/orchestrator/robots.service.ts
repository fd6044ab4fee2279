import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { CacheService } from '../cache/cache.service.js';
import { CacheKind, cacheKey } from '../cache/cache-ttl.policy.js';
import { AppConfig } from '../core/config/app-config.service.js';
import { NoModulePolicy } from '../core/config/environment.js';
import { DomainException } from '../core/errors/domain.exception.js';
import { paginate } from '../core/http/keyset-pagination.js';
import { LoadBalancerService } from '../load-balancer/load-balancer.service.js';
import type { RoutingDecision } from '../load-balancer/routing.types.js';
import { OutboxRelay } from '../state/outbox-relay.service.js';
import { RobotIntakeRepository } from '../state/repositories/robot-intake.repository.js';
import { RobotReadsRepository } from '../state/repositories/robot-reads.repository.js';
import type { RobotRow } from '../state/repositories/robot-rows.js';
import { RobotTransitionsRepository } from '../state/repositories/robot-transitions.repository.js';
import type { ExecutionResponseDto } from './dto/execution.dto.js';
import { ExecutionResponseDto as Execution } from './dto/execution.dto.js';
import type { ListRobotsQueryDto } from './dto/list-robots-query.dto.js';
import { type RobotPageDto, RobotResponseDto } from './dto/robot-response.dto.js';
import { RobotWarningDto } from './dto/robot-warning.dto.js';
import { WorkNotifier } from './work-notifier.js';
import { invalidTransition, OrchestratorErrorCode, robotNotFound } from './orchestrator.errors.js';
import {
  type CreateRobotCommand,
  type PreparedRobotNotify,
  type WrittenAlongside,
  ROBOT_NOTIFICATIONS,
  type RobotNotifications,
  type RobotNotifyAnswer,
} from '../sdk/index.js';
import { CoreErrorCode } from '../core/errors/error-catalogue.js';

/** `legal_review` → `LEGAL`: the `{prefix}` of the seeds' robot id. */
export function idPrefix(robotType: string): string {
  return (robotType.split(/[_.-]/)[0] || 'ROBOT').slice(0, 8).toUpperCase();
}

/** Robot i of a bulk call: a fixed-length key that a single create's key (no `#`) can never equal. */
function bulkKeys(idempotencyKey: string, count: number): string[] {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex');
  return Array.from({ length: count }, (_, i) => `bulk:${digest}#${i}`);
}

function sameRequest(existing: RobotRow, command: CreateRobotCommand): boolean {
  return (
    existing.robot_type === command.robot_type &&
    isDeepStrictEqual(existing.input_data, command.input_data) &&
    existing.priority === command.priority
  );
}

function reusedKey(robotId: string): DomainException {
  return new DomainException(
    OrchestratorErrorCode.IdempotencyKeyReused,
    'This Idempotency-Key was used for a different request; use a new key for new work.',
    { robot_id: robotId },
  );
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  ((error as { code?: unknown }).code === '23505' ||
    (error as { driverError?: { code?: unknown } }).driverError?.code === '23505');

/** Warnings for robot types no module, active or not, has ever declared: likely a typo. */
function unknownTypes(decisions: RoutingDecision[]): RobotWarningDto[] {
  return decisions
    .filter((decision) => decision.candidates.length === 0)
    .map((decision) => RobotWarningDto.unknownRobotType(decision.robot_type));
}

/** Robot intake and queries [Orchestrator]: route, create, read (cached), cancel, requeue. */
@Injectable()
export class RobotsService {
  private readonly noModulePolicy: NoModulePolicy;

  constructor(
    private readonly intake: RobotIntakeRepository,
    private readonly reads: RobotReadsRepository,
    private readonly transitions: RobotTransitionsRepository,
    private readonly loadBalancer: LoadBalancerService,
    private readonly cache: CacheService,
    private readonly notifier: WorkNotifier,
    private readonly relay: OutboxRelay,
    config: AppConfig,
    @Optional() @Inject(ROBOT_NOTIFICATIONS) private readonly notifications?: RobotNotifications,
  ) {
    this.noModulePolicy = config.get('ROUTING_NO_MODULE_POLICY');
  }

  /**
   * Routes and creates a robot. With an idempotency key, a repeat returns the robot the first call
   * created (`created: false`); the same key with a different request is a 422.
   */
  async create(
    command: CreateRobotCommand,
    idempotencyKey?: string,
    alongside?: WrittenAlongside,
  ): Promise<{
    robot: RobotResponseDto;
    created: boolean;
    warnings: RobotWarningDto[];
    notify?: RobotNotifyAnswer[];
  }> {
    const notify = await this.prepareNotify(command);
    if (idempotencyKey) {
      const existing = await this.reads.findByCacheKey(idempotencyKey);
      if (existing) return { robot: this.replay(existing, command), created: false, warnings: [] };
    }
    const decision = await this.loadBalancer.select(command.robot_type);
    if (!decision.selected_module && this.noModulePolicy === NoModulePolicy.Reject) {
      throw new DomainException(
        OrchestratorErrorCode.NoEligibleModule,
        `No active, healthy module with free capacity handles robot_type ${command.robot_type}.`,
        { robot_type: command.robot_type, candidates: decision.candidates.length },
      );
    }
    const robot = {
      idPrefix: idPrefix(command.robot_type),
      robotType: command.robot_type,
      moduleName: decision.selected_module,
      inputData: command.input_data,
      priority: command.priority,
      cacheKey: idempotencyKey ?? null,
      correlationId: command.correlation_id,
      sourceReference: command.source_reference,
      retryLimit: command.retry_limit,
      timeoutSeconds: command.timeout_seconds,
      deadlineAt: command.deadline,
      routingDecision: decision,
    };
    let answers: RobotNotifyAnswer[] | undefined;
    const written = (notify || alongside) && {
      count: notify?.count ?? 0,
      write: async (tx: Parameters<PreparedRobotNotify['write']>[0], robotId: string) => {
        if (notify) answers = await notify.write(tx, robotId);
        if (alongside) await alongside(tx, robotId);
      },
    };
    // A robot with notify or rows alongside goes alone, in a transaction with them (not group-committed).
    const row =
      idempotencyKey || written
        ? await this.intake.create(robot, written ?? undefined)
        : await this.intake.createBatched(robot);
    if (!row) {
      // Another request with the same key won the race.
      const winner = await this.reads.findByCacheKey(idempotencyKey!);
      return { robot: this.replay(winner!, command), created: false, warnings: [] };
    }
    if (row.module_name) this.notifier.announce(row.module_name);
    this.relay.kick();
    return {
      robot: RobotResponseDto.of(row),
      created: true,
      warnings: unknownTypes([decision]),
      ...(answers && { notify: answers }),
    };
  }

  /** Checks `notify` (and seals its secrets) before anything is routed or written. */
  private async prepareNotify(command: CreateRobotCommand): Promise<PreparedRobotNotify | null> {
    if (command.notify.length === 0) return null;
    if (!this.notifications) {
      throw new DomainException(
        CoreErrorCode.ValidationFailed,
        'notify is not available: notifications are not installed.',
      );
    }
    return this.notifications.prepare(command.notify);
  }

  /**
   * Creates many robots in one transaction, routing each robot type once. With an idempotency key,
   * robot i stores `bulk:<sha256(key)>#i` as its unique key, so a repeat (or a racing duplicate)
   * returns the robots the first call created, in order, instead of creating them twice.
   */
  async createMany(
    commands: CreateRobotCommand[],
    idempotencyKey?: string,
  ): Promise<{ robots: RobotResponseDto[]; created: boolean; warnings: RobotWarningDto[] }> {
    if (commands.some((command) => command.notify.length > 0)) {
      throw new DomainException(
        CoreErrorCode.ValidationFailed,
        'notify is accepted when robots are created one at a time (POST /api/v1/robots), not in bulk.',
        { errors: ['notify is not accepted in bulk'] },
      );
    }
    const keys = idempotencyKey ? bulkKeys(idempotencyKey, commands.length) : null;
    if (keys) {
      const replay = await this.replayBulk(keys, commands);
      if (replay) return { robots: replay, created: false, warnings: [] };
    }
    try {
      return { ...(await this.insertMany(commands, keys)), created: true };
    } catch (error) {
      const replay = keys && isUniqueViolation(error) ? await this.replayBulk(keys, commands) : null;
      if (replay) return { robots: replay, created: false, warnings: [] };
      throw error;
    }
  }

  private async insertMany(
    commands: CreateRobotCommand[],
    keys: string[] | null,
  ): Promise<{ robots: RobotResponseDto[]; warnings: RobotWarningDto[] }> {
    const decisions = new Map<string, RoutingDecision>();
    for (const type of new Set(commands.map((command) => command.robot_type)))
      decisions.set(type, await this.loadBalancer.select(type));
    const unroutable = [...decisions.values()].filter((d) => !d.selected_module).map((d) => d.robot_type);
    if (unroutable.length > 0 && this.noModulePolicy === NoModulePolicy.Reject) {
      throw new DomainException(
        OrchestratorErrorCode.NoEligibleModule,
        `No active, healthy module with free capacity handles robot_type ${unroutable.join(', ')}.`,
        { robot_types: unroutable },
      );
    }
    const rows = await this.intake.createMany(
      commands.map((command, i) => {
        const decision = decisions.get(command.robot_type)!;
        return {
          idPrefix: idPrefix(command.robot_type),
          robotType: command.robot_type,
          moduleName: decision.selected_module,
          inputData: command.input_data,
          priority: command.priority,
          cacheKey: keys?.[i] ?? null,
          correlationId: command.correlation_id,
          sourceReference: command.source_reference,
          retryLimit: command.retry_limit,
          timeoutSeconds: command.timeout_seconds,
          deadlineAt: command.deadline,
          routingDecision: decision,
        };
      }),
    );
    for (const decision of decisions.values())
      if (decision.selected_module) this.notifier.announce(decision.selected_module);
    this.relay.kick();
    return { robots: rows.map(RobotResponseDto.of), warnings: unknownTypes([...decisions.values()]) };
  }

  /** The robots of an earlier bulk call with these keys, in order; null when there was none. */
  private async replayBulk(keys: string[], commands: CreateRobotCommand[]): Promise<RobotResponseDto[] | null> {
    const rows = await this.reads.findByCacheKeys(keys);
    if (rows.length === 0) return null;
    const byKey = new Map(rows.map((row) => [row.cache_key, row]));
    const ordered = keys.map((key) => byKey.get(key));
    if (ordered.some((row, i) => !row || !sameRequest(row, commands[i])) || rows.length !== keys.length) {
      throw reusedKey(rows[0].robot_id);
    }
    return ordered.map((row) => RobotResponseDto.of(row!));
  }

  private replay(existing: RobotRow, command: CreateRobotCommand): RobotResponseDto {
    if (!sameRequest(existing, command)) throw reusedKey(existing.robot_id);
    return RobotResponseDto.of(existing);
  }

  /** Served from the cache (robot_status, 60 s), invalidated by every change made through the API. */
  async get(robotId: string): Promise<RobotResponseDto> {
    const robot = await this.cache.getOrLoad(cacheKey(CacheKind.RobotStatus, robotId), async () => {
      const row = await this.reads.findById(robotId);
      return row ? RobotResponseDto.of(row) : null;
    });
    if (!robot) {
      // A miss is not cached as null for long: a robot created a moment later must be found.
      await this.cache.invalidate(cacheKey(CacheKind.RobotStatus, robotId));
      throw robotNotFound(robotId);
    }
    return robot;
  }

  list(query: ListRobotsQueryDto): Promise<RobotPageDto> {
    return paginate(
      {
        fetch: (before, limit) =>
          this.reads.list({
            status: query.status,
            robotType: query.robot_type,
            moduleName: query.module_name,
            correlationId: query.correlation_id,
            createdFrom: query.created_from ? new Date(query.created_from) : undefined,
            createdTo: query.created_to ? new Date(query.created_to) : undefined,
            after: before && { createdAt: before.at, robotId: before.id },
            limit,
          }),
        keyOf: (row) => ({ at: row.keyset_at, id: row.robot_id }),
        toItem: (row) => RobotResponseDto.of(row),
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  async history(robotId: string): Promise<ExecutionResponseDto[]> {
    await this.get(robotId);
    return (await this.reads.history(robotId)).map(Execution.of);
  }

  async cancel(robotId: string, reason?: string): Promise<RobotResponseDto> {
    const result = await this.transitions.cancel(robotId, reason ?? null);
    if (!result) throw robotNotFound(robotId);
    if (!result.changed) throw invalidTransition(robotId, result.robot.status, 'cancelled');
    await this.forget(robotId);
    return RobotResponseDto.of(result.robot);
  }

  /** Requeues a FAILED or CANCELLED robot, routed afresh (its module may be gone). */
  async retry(robotId: string): Promise<RobotResponseDto> {
    const current = await this.reads.findById(robotId);
    if (!current) throw robotNotFound(robotId);
    // Routed before the transaction: it must not wait on anything else (see RobotTransitionsRepository).
    const decision = await this.loadBalancer.select(current.robot_type);
    const result = await this.transitions.requeue(robotId, decision.selected_module);
    if (!result) throw robotNotFound(robotId);
    if (!result.changed)
      throw invalidTransition(robotId, result.robot.status, 'retried (only FAILED or CANCELLED robots are)');
    await this.forget(robotId);
    if (result.robot.module_name) this.notifier.announce(result.robot.module_name);
    return RobotResponseDto.of(result.robot);
  }

  /**
   * Routes robots that were queued because no module could take their type. Runs on a schedule,
   * so a module registered (or recovered) later picks up the work that waited for it.
   */
  async assignUnassigned(batch = 500): Promise<{ assigned: number }> {
    let assigned = 0;
    for (const robotType of await this.transitions.unassignedTypes(100)) {
      const decision = await this.loadBalancer.select(robotType);
      if (!decision.selected_module) continue;
      const count = await this.transitions.assign(robotType, decision.selected_module, decision, batch);
      if (count > 0) this.notifier.announce(decision.selected_module);
      assigned += count;
    }
    return { assigned };
  }

  /** After a change: drop the cached copy and have its event published. */
  forget(robotId: string): Promise<void> {
    return this.forgetMany([robotId]);
  }

  /** `forget` for many robots in one cache round trip. */
  forgetMany(robotIds: string[]): Promise<void> {
    if (robotIds.length === 0) return Promise.resolve();
    this.relay.kick();
    return this.cache.invalidateMany(robotIds.map((id) => cacheKey(CacheKind.RobotStatus, id)));
  }
}

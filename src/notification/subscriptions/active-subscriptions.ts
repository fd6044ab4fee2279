import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { EventType } from '../../core/events/event-catalogue.js';
import { type MatchableSubscription, SubscriptionsRepository } from './subscriptions.repository.js';

interface Snapshot {
  loadedAt: number;
  subscriptions: MatchableSubscription[];
  robotScoped: boolean;
}

/**
 * The fan-out's in-memory copy of the active subscriptions, so an event nobody wants costs no
 * database work. Trusted for NOTIFY_SUBSCRIPTION_CACHE_MS; dropped at once on this instance's own
 * changes. A stale copy never sends to a subscription disabled meanwhile: the insert re-checks
 * the status. Concurrent callers share one load.
 */
@Injectable()
export class ActiveSubscriptions {
  private readonly ttlMs: number;
  private snapshot?: Snapshot;
  private loading?: Promise<Snapshot>;
  /** Bumped by every drop: a load that started before one is not kept. */
  private generation = 0;

  constructor(
    private readonly repository: SubscriptionsRepository,
    config: AppConfig,
  ) {
    this.ttlMs = config.get('NOTIFY_SUBSCRIPTION_CACHE_MS');
  }

  async current(): Promise<Snapshot> {
    const snapshot = this.snapshot;
    if (snapshot && Date.now() - snapshot.loadedAt < this.ttlMs) return snapshot;
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** This instance changed a subscription: the next event reads them again. */
  invalidate(): void {
    this.generation++;
    this.snapshot = undefined;
  }

  /**
   * A robot was created with its own subscriptions (`robot.created` says how many): they committed
   * with it, so from now on its final events must look for them, even before the next load.
   */
  noteRobotScoped(): void {
    if (this.snapshot) this.snapshot.robotScoped = true;
  }

  private async load(): Promise<Snapshot> {
    const generation = this.generation;
    const loadedAt = Date.now();
    const { subscriptions, robotScoped } = await this.repository.matchable();
    const snapshot = { loadedAt, subscriptions, robotScoped };
    if (generation === this.generation) this.snapshot = snapshot;
    return snapshot;
  }
}

/** What a robot-scoped subscription (`notify` at creation) hears about its robot. */
export const ROBOT_SCOPED_EVENTS: readonly EventType[] = [
  EventType.RobotCompleted,
  EventType.RobotFailed,
  EventType.RobotCancelled,
  EventType.RobotRetrying,
];

import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { JobRunner } from './job-runner.service.js';
import { type OutboxCursor, type OutboxEvent, OutboxRepository } from './repositories/outbox.repository.js';

const CONSUMER = 'in-process';
const LEASE_MS = 10_000;
const BATCH = 200;
/** Catch-up pace: events of other instances, or left by a crash, are published within this. */
export const RELAY_INTERVAL_MS = 1_000;
/**
 * Drains start at most this often: under load, one drain publishes many events, instead of a
 * drain (two cursor writes) per change keeping a write connection busy.
 */
const RELAY_MIN_GAP_MS = 20;

/**
 * Publishes the robot_events outbox to in-process subscribers (`@OnEvent('robot.completed')`)
 * after commit: kicked right after each change in this process, and on a short interval for the
 * rest. Delivery is at least once, in commit order; one instance relays at a time (a lease on the
 * cursor row), and every instance runs the same subscribers.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private scheduled?: NodeJS.Timeout;
  private lastDrainAt = 0;
  private cursor?: OutboxCursor;
  private heldUntil = 0;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly emitter: EventEmitter2,
    private readonly runner: JobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), RELAY_INTERVAL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.scheduled);
    this.scheduled = undefined;
    await this.draining;
    await this.outbox.release(CONSUMER, this.runner.instanceId).catch(() => undefined);
  }

  /**
   * Asks for a drain soon (now, or RELAY_MIN_GAP_MS after the last one began); drains never
   * overlap, and a kick during one runs another after it.
   */
  kick(): void {
    if (this.stopped || this.scheduled) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    const wait = this.lastDrainAt + RELAY_MIN_GAP_MS - Date.now();
    if (wait > 0) {
      this.scheduled = setTimeout(() => {
        this.scheduled = undefined;
        this.kick();
      }, wait);
      return;
    }
    this.lastDrainAt = Date.now();
    this.draining = this.drain()
      .catch((error: Error) => this.logger.warn(`outbox relay paused: ${error.message}`))
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** For tests and shutdown: resolves when no drain is running. */
  async settle(): Promise<void> {
    while (this.draining || this.scheduled) await (this.draining ?? sleep(RELAY_MIN_GAP_MS));
  }

  /**
   * One pass: take (or keep) the cursor's lease, publish what committed after it, move it. While
   * this instance holds a lease with more than half of it left, it keeps its cursor in memory and
   * skips the lease write, so a busy relay costs one read and one write per batch of events.
   */
  private async drain(): Promise<void> {
    const owner = this.runner.instanceId;
    let cursor = Date.now() < this.heldUntil - LEASE_MS / 2 ? this.cursor : undefined;
    const leasedAt = Date.now();
    if (!cursor) {
      cursor = (await this.outbox.acquire(CONSUMER, owner, LEASE_MS)) ?? undefined;
      this.heldUntil = cursor ? leasedAt + LEASE_MS : 0;
    }
    this.cursor = cursor;
    while (cursor && !this.stopped) {
      const events = await this.outbox.next(cursor, BATCH);
      if (events.length === 0) return;
      for (const event of events) await this.publish(event);
      const last = events[events.length - 1];
      cursor = { last_tx_id: last.tx_id, last_event_id: last.event_id };
      const advancedAt = Date.now();
      const held = await this.outbox.advance(CONSUMER, owner, cursor, LEASE_MS);
      this.cursor = held ? cursor : undefined;
      this.heldUntil = held ? advancedAt + LEASE_MS : 0;
      // Only a full batch (a backlog) goes round at once; otherwise what committed meanwhile waits
      // for the next kick, RELAY_MIN_GAP_MS on, so a steady stream of changes is read in batches
      // instead of a read and a write every few events.
      if (!held || events.length < BATCH) return;
    }
  }

  private async publish(event: OutboxEvent): Promise<void> {
    try {
      await this.emitter.emitAsync(event.event_type, {
        event_id: Number(event.event_id),
        event_type: event.event_type,
        robot_id: event.robot_id,
        module_name: event.module_name,
        payload: event.payload,
        created_at: event.created_at,
      });
    } catch (error) {
      // One failing subscriber must not stop the stream for all the others.
      this.logger.error(`subscriber of ${event.event_type} #${event.event_id} failed: ${(error as Error).message}`);
    }
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { eventMatches, EventType, isEventPattern } from '../core/events/event-catalogue.js';
import {
  type DeliveredEvent,
  EVENT_CONSUMER,
  type EventHandler,
  type ResolvedConsumerOptions,
} from '../core/events/event-consumer.js';
import { InProcessEventBridge } from './events/in-process-event-bridge.js';
import { JobRunner } from './job-runner.service.js';
import { AppConfig } from '../core/config/app-config.service.js';
import { PgListener } from './pg-listener.service.js';
import { type OutboxCursor, type OutboxEvent, OutboxRepository } from './repositories/outbox.repository.js';

const LEASE_MS = 10_000;
const BATCH = 200;
/**
 * Drains of one consumer start at most this often: under load, one drain delivers many events,
 * instead of a read and a cursor write per change keeping a write connection busy.
 */
const RELAY_MIN_GAP_MS = 20;
/**
 * The PostgreSQL channel on which an instance that wrote events wakes the instance holding a
 * consumer's lease, so an event written anywhere is relayed at once, not at the next interval.
 */
export const EVENTS_CHANNEL = 'outbox_events';
/** Within a long drain (slow handlers), the cursor is saved and the lease renewed this often. */
const CHECKPOINT_MS = LEASE_MS / 3;
/** Parked events flagged for replay are looked for at most this often per consumer. */
const REPLAY_CHECK_MS = 1_000;
/** Error messages are kept this long: enough to read the cause, never a whole dump. */
const MAX_ERROR_LENGTH = 2_000;

/** One named consumer's run state in this instance. */
class ConsumerRun {
  cursor?: OutboxCursor;
  heldUntil = 0;
  /** Failures of the event right after the cursor (from the database when the lease is taken). */
  failedAttempts = 0;
  draining?: Promise<void>;
  scheduled?: NodeJS.Timeout;
  retryTimer?: NodeJS.Timeout;
  again = false;
  lastDrainAt = 0;
  lastReplayCheck = 0;

  constructor(
    readonly options: ResolvedConsumerOptions,
    readonly handler: EventHandler,
  ) {}

  get name(): string {
    return this.options.name;
  }
}

/**
 * Delivers the `events` outbox to every named consumer (`@EventConsumer`), each from its own
 * durable cursor, in commit order, after commit: kicked right after each change in this process,
 * woken over PostgreSQL (EVENTS_CHANNEL) by a change in another one, and every
 * EVENTS_RELAY_INTERVAL_MS for the rest. A consumer moves past an event only once it handled it; a
 * failure is redelivered with backoff while the other consumers go on, and after `maxAttempts`
 * the event is parked with its error (replayable) and the consumer's stream continues. One
 * instance runs a consumer at a time (a lease on its cursor row). The built-in `in-process`
 * consumer republishes every event on Nest's event emitter (`@OnEvent('robot.completed')`).
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly runs: ConsumerRun[] = [];
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private lastAnnouncedAt = 0;
  private announceTimer?: NodeJS.Timeout;
  private readonly intervalMs: number;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly runner: JobRunner,
    private readonly discovery: DiscoveryService,
    private readonly bridge: InProcessEventBridge,
    private readonly listener: PgListener,
    config: AppConfig,
  ) {
    this.intervalMs = config.get('EVENTS_RELAY_INTERVAL_MS');
  }

  onModuleInit(): void {
    // Before PgListener connects (at bootstrap): it LISTENs on the channels asked for by then.
    this.listener.listen(EVENTS_CHANNEL, () => this.wake());
  }

  onApplicationBootstrap(): void {
    for (const { options, handler } of this.discover()) this.runs.push(new ConsumerRun(options, handler));
    this.timer = setInterval(() => this.drainAll(), this.intervalMs);
    this.timer.unref();
    this.drainAll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.announceTimer);
    for (const run of this.runs) {
      clearTimeout(run.scheduled);
      clearTimeout(run.retryTimer);
      run.scheduled = run.retryTimer = undefined;
    }
    await Promise.all(this.runs.map((run) => run.draining));
    await Promise.all(
      this.runs.map((run) => this.outbox.release(run.name, this.runner.instanceId).catch(() => undefined)),
    );
  }

  /** The consumers this instance runs, by name. */
  get consumers(): string[] {
    return this.runs.map((run) => run.name);
  }

  /**
   * After a change committed: asks every consumer for a drain soon (now, or RELAY_MIN_GAP_MS after
   * its last one began), and wakes the instances holding the consumers this one does not. Drains
   * of one consumer never overlap, and a kick during one runs another after it. A consumer waiting
   * out a retry backoff is not woken early.
   */
  kick(): void {
    this.drainAll();
    if (this.runs.some((run) => !this.holds(run))) this.announce();
  }

  private drainAll(): void {
    for (const run of this.runs) this.kickRun(run);
  }

  /** Another instance wrote events: drain the consumers this one holds (the others poll to take over). */
  private wake(): void {
    for (const run of this.runs) if (this.holds(run)) this.kickRun(run);
  }

  private holds(run: ConsumerRun): boolean {
    return run.cursor !== undefined && Date.now() < run.heldUntil;
  }

  /**
   * Wakes the instances holding the consumers this one does not: one NOTIFY at once, then at most
   * one per RELAY_MIN_GAP_MS however many changes this instance commits meanwhile (their drains
   * are that far apart anyway). With PGlite, or while this instance holds every consumer, none.
   */
  private announce(): void {
    if (this.announceTimer || this.stopped) return;
    const wait = this.lastAnnouncedAt + RELAY_MIN_GAP_MS - Date.now();
    const send = () => {
      this.announceTimer = undefined;
      this.lastAnnouncedAt = Date.now();
      void this.listener.publish(EVENTS_CHANNEL, ['']);
    };
    if (wait <= 0) send();
    else this.announceTimer = setTimeout(send, wait);
  }

  /** For tests and shutdown: resolves when no drain is running or about to (backoffs excepted). */
  async settle(): Promise<void> {
    for (;;) {
      const busy = this.runs.filter((run) => run.draining || run.scheduled);
      if (busy.length === 0) return;
      await Promise.all(busy.map((run) => run.draining ?? sleep(RELAY_MIN_GAP_MS)));
    }
  }

  private discover(): Array<{ options: ResolvedConsumerOptions; handler: EventHandler }> {
    const found = [{ options: InProcessEventBridge.OPTIONS, handler: this.bridge as EventHandler }];
    for (const wrapper of this.discovery.getProviders()) {
      const options = wrapper.metatype
        ? (Reflect.getMetadata(EVENT_CONSUMER, wrapper.metatype) as ResolvedConsumerOptions | undefined)
        : undefined;
      if (!options || !wrapper.instance || wrapper.instance === this.bridge) continue;
      found.push({ options, handler: wrapper.instance as EventHandler });
    }
    const names = new Set<string>();
    for (const { options, handler } of found) {
      if (names.has(options.name)) throw new Error(`two event consumers are named "${options.name}"`);
      names.add(options.name);
      if (typeof handler.handle !== 'function') throw new Error(`event consumer "${options.name}" has no handle()`);
      const unknown = options.events.filter((pattern) => !isEventPattern(pattern));
      if (unknown.length > 0) {
        throw new Error(`event consumer "${options.name}" wants unknown events: ${unknown.join(', ')}`);
      }
    }
    return found;
  }

  private kickRun(run: ConsumerRun): void {
    if (this.stopped || run.scheduled || run.retryTimer) return;
    if (run.draining) {
      run.again = true;
      return;
    }
    const wait = run.lastDrainAt + RELAY_MIN_GAP_MS - Date.now();
    if (wait > 0) {
      run.scheduled = setTimeout(() => {
        run.scheduled = undefined;
        this.kickRun(run);
      }, wait);
      return;
    }
    run.lastDrainAt = Date.now();
    run.draining = this.drain(run)
      .catch((error: Error) => {
        // The database, not the handler (handler errors are caught per event): try again later.
        run.cursor = undefined;
        this.logger.warn(`event consumer ${run.name} paused: ${error.message}`);
      })
      .finally(() => {
        run.draining = undefined;
        if (run.again) {
          run.again = false;
          this.kickRun(run);
        }
      });
  }

  private retryIn(run: ConsumerRun, ms: number): void {
    clearTimeout(run.retryTimer);
    run.retryTimer = setTimeout(() => {
      run.retryTimer = undefined;
      this.kickRun(run);
    }, ms);
    run.retryTimer.unref();
  }

  /**
   * One pass for one consumer: take (or keep) its lease, deliver what committed after its cursor,
   * move the cursor. While this instance holds a lease with more than half of it left, it keeps
   * the cursor in memory and skips the lease write: a busy consumer costs one read and one write
   * per batch of events.
   */
  private async drain(run: ConsumerRun): Promise<void> {
    const owner = this.runner.instanceId;
    if (!run.cursor || Date.now() >= run.heldUntil - LEASE_MS / 2) {
      const leasedAt = Date.now();
      const state = await this.outbox.acquire(run.name, owner, LEASE_MS, run.options.startFrom);
      run.cursor = state ?? undefined;
      run.heldUntil = state ? leasedAt + LEASE_MS : 0;
      if (!state) return;
      run.failedAttempts = state.failed_attempts;
      const due = state.retry_at ? state.retry_at.getTime() - Date.now() : 0;
      if (due > 0) return this.retryIn(run, due);
    }
    if (Date.now() - run.lastReplayCheck >= REPLAY_CHECK_MS) await this.replay(run);
    while (run.cursor && !this.stopped) {
      const events = await this.outbox.next(run.cursor, BATCH);
      if (events.length === 0) return;
      let handled: OutboxCursor = run.cursor;
      let savedAt = Date.now();
      const batched = await this.deliverBatch(run, events);
      if (batched) handled = cursorOf(events[events.length - 1]);
      for (const event of batched ? [] : events) {
        if (this.stopped) break;
        if (eventMatches(run.options.events, event.event_type)) {
          const attempt = run.failedAttempts + 1;
          const error = await this.deliver(run, event, attempt);
          if (error !== undefined) {
            if (attempt < run.options.maxAttempts) return this.failed(run, handled, attempt, error);
            const parked = cursorOf(event);
            await this.hold(run, parked, () =>
              this.outbox.park(run.name, owner, parked, { attempts: attempt, error }, LEASE_MS),
            );
            this.logger.error(`event consumer ${run.name} parked #${event.event_id} ${event.event_type}: ${error}`);
            if (!run.cursor) return;
          }
          run.failedAttempts = 0;
        }
        handled = cursorOf(event);
        if (Date.now() - savedAt >= CHECKPOINT_MS) {
          const saved = handled;
          await this.hold(run, saved, () => this.outbox.advance(run.name, owner, saved, LEASE_MS));
          if (!run.cursor) return;
          savedAt = Date.now();
        }
      }
      const done = handled;
      await this.hold(run, done, () => this.outbox.advance(run.name, owner, done, LEASE_MS));
      // Only a full batch (a backlog) goes round at once; otherwise what committed meanwhile waits
      // for the next kick, RELAY_MIN_GAP_MS on, so a steady stream is read in batches.
      if (events.length < BATCH) return;
    }
  }

  /**
   * Hands the events of one read that the consumer wants to its handleBatch() in one call, when it
   * has one and no event is being retried; answers whether they are all handled. False leaves
   * them to the one-by-one path (which also sees a batch failure as each event's own).
   */
  private async deliverBatch(run: ConsumerRun, events: OutboxEvent[]): Promise<boolean> {
    if (!run.handler.handleBatch || run.failedAttempts > 0 || this.stopped) return false;
    const wanted = events.filter((event) => eventMatches(run.options.events, event.event_type));
    try {
      if (wanted.length > 0) await run.handler.handleBatch(wanted.map((event) => delivered(event, 1)));
      return true;
    } catch (error) {
      this.logger.debug(`event consumer ${run.name}: a batch failed (${describe(error)}); one by one`);
      return false;
    }
  }

  /** Hands one event to the consumer; answers the error message when it failed. */
  private async deliver(run: ConsumerRun, event: OutboxEvent, attempt: number): Promise<string | undefined> {
    try {
      await run.handler.handle(delivered(event, attempt));
      return undefined;
    } catch (error) {
      return describe(error);
    }
  }

  /** Saves what went well, records the failure and waits out the backoff before the next delivery. */
  private async failed(run: ConsumerRun, handled: OutboxCursor, attempts: number, error: string): Promise<void> {
    const { retryDelayMs, maxRetryDelayMs } = run.options;
    const delayMs = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (attempts - 1));
    const owner = this.runner.instanceId;
    await this.hold(run, handled, () =>
      this.outbox.recordFailure(run.name, owner, handled, { attempts, delayMs, error }, LEASE_MS),
    );
    if (!run.cursor) return;
    run.failedAttempts = attempts;
    this.logger.warn(`event consumer ${run.name} failed (attempt ${attempts}), retry in ${delayMs} ms: ${error}`);
    this.retryIn(run, delayMs);
  }

  /**
   * Runs a cursor write that moves the cursor to `to`; when the lease turned out lost, forgets the
   * cursor so the next drain re-acquires (and re-reads where the new holder got to).
   */
  private async hold(run: ConsumerRun, to: OutboxCursor, write: () => Promise<boolean>): Promise<void> {
    const at = Date.now();
    const held = await write();
    run.heldUntil = held ? at + LEASE_MS : 0;
    run.cursor = held ? to : undefined;
  }

  /** Delivers the parked events an operator asked to replay; each leaves the parking on success. */
  private async replay(run: ConsumerRun): Promise<void> {
    run.lastReplayCheck = Date.now();
    for (const parked of await this.outbox.replaysDue(run.name, BATCH)) {
      const error = await this.deliver(run, parked, parked.attempts + 1);
      if (error === undefined) await this.outbox.replayed(run.name, parked.event_id);
      else await this.outbox.replayFailed(run.name, parked.event_id, error);
    }
  }
}

const cursorOf = (event: OutboxEvent): OutboxCursor => ({ last_tx_id: event.tx_id, last_event_id: event.event_id });

function delivered(event: OutboxEvent, attempt: number): DeliveredEvent {
  return {
    event_id: Number(event.event_id),
    event_type: event.event_type as EventType,
    event_version: event.event_version,
    robot_id: event.robot_id,
    module_name: event.module_name,
    payload: event.payload as DeliveredEvent['payload'],
    created_at: event.created_at,
    attempt,
  };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.slice(0, MAX_ERROR_LENGTH);
}

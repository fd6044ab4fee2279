import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../../core/config/app-config.service.js';
import { JobRunner } from '../../state/job-runner.service.js';
import { PgListener } from '../../state/pg-listener.service.js';
import { type ChannelName, NOTIFICATION_CHANNELS } from '../channels/notification-channel.js';
import { ChannelAdapters } from './channel-adapters.service.js';
import { type ClaimedDelivery, DeliveryClaimsRepository } from './delivery-claims.repository.js';
import { DeliverySender } from './delivery-sender.service.js';
import { DELIVERIES_CHANNEL, DELIVERIES_CREATED } from './delivery-signals.js';

/** Sends still running at shutdown get this long to finish before they are cut and given back. */
const SHUTDOWN_GRACE_MS = 10_000;
/** Deliveries of channels without an adapter are told so every this many polls. */
const NO_ADAPTER_CHECK_POLLS = 20;
/** A claim reads at most this many due rows per free slot to choose from (bounds its cost). */
const SCAN_PER_SLOT = 4;
const MIN_SCAN = 200;
/** How long a freed slot waits for others before claiming alone. */
const CLAIM_GATHER_MS = 5;

interface Send {
  ids: string[];
  token: string;
  controller: AbortController;
  done: Promise<unknown>;
}

/**
 * Moves due deliveries to their channels. Each instance keeps at most NOTIFY_DISPATCH_CONCURRENCY
 * sends in flight, and at most NOTIFY_ENDPOINT_CONCURRENCY per endpoint: a claim asks only for
 * free slots, and never for an endpoint that is full, so a hanging endpoint holds its own slots
 * and nothing else. It claims when woken (deliveries written in this process, or NOTIFY from
 * another instance), when a slot frees while more is due, and every NOTIFY_DISPATCH_POLL_MS
 * (retries coming due, leases of a dead instance running out).
 */
@Injectable()
export class DeliveryDispatcher implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly enabled: boolean;
  private readonly perEndpoint: Map<string, number> = new Map();
  private readonly sends = new Map<string, Send>();
  private readonly concurrency: number;
  private readonly endpointConcurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private inFlight = 0;
  private claiming?: Promise<void>;
  private again = false;
  /** The last claim was full: more is probably due, so a freed slot claims again at once. */
  private moreDue = false;
  private kickQueued = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private claimSeq = 0;
  private polls = 0;
  private lastClaimError = 0;

  constructor(
    private readonly claims: DeliveryClaimsRepository,
    private readonly sender: DeliverySender,
    private readonly adapters: ChannelAdapters,
    private readonly runner: JobRunner,
    private readonly emitter: EventEmitter2,
    private readonly listener: PgListener,
    config: AppConfig,
  ) {
    this.enabled = config.get('NOTIFY_DISPATCH_ENABLED');
    this.concurrency = config.get('NOTIFY_DISPATCH_CONCURRENCY');
    this.endpointConcurrency = config.get('NOTIFY_ENDPOINT_CONCURRENCY');
    this.leaseMs = config.get('NOTIFY_DELIVERY_LEASE_MS');
    this.pollMs = config.get('NOTIFY_DISPATCH_POLL_MS');
  }

  onModuleInit(): void {
    if (!this.enabled) return;
    // Before PgListener connects (at bootstrap): it LISTENs on the channels asked for by then.
    this.listener.listen(DELIVERIES_CHANNEL, () => this.kick());
    this.emitter.on(DELIVERIES_CREATED, () => this.kick());
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) {
      this.logger.log('NOTIFY_DISPATCH_ENABLED=false: this instance sends no notifications');
      return;
    }
    this.timer = setInterval(() => this.poll(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Sends in flight in this instance, all endpoints. */
  get active(): number {
    return this.inFlight;
  }

  /** Claims what is due now, as far as free slots allow; calls while a claim runs make it claim again after. */
  kick(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = this.claimWhileDue().finally(() => (this.claiming = undefined));
  }

  /** Stop claiming; give running sends a bounded time; cut the rest and give them back (PENDING). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.claiming;
    const running = [...this.sends.values()];
    await Promise.race([Promise.allSettled(running.map((send) => send.done)), sleep(SHUTDOWN_GRACE_MS)]);
    const cut = [...this.sends.values()];
    for (const send of cut) send.controller.abort();
    if (cut.length === 0) return;
    const released = await this.claims
      .release(
        cut.map((send) => send.token),
        cut.flatMap((send) => send.ids),
      )
      .catch(() => 0);
    this.logger.warn(`shutdown: ${released} deliveries cut mid-send were given back`);
  }

  private poll(): void {
    const channels = this.adapters.channels;
    if (!this.claiming && !this.stopped && channels.length > 0 && this.inFlight < this.concurrency) {
      this.claims.anyDue(channels).then(
        (due) => due && this.kick(),
        () => this.kick(),
      );
    }
    const missing = NOTIFICATION_CHANNELS.filter((channel) => !this.adapters.get(channel));
    if (missing.length === 0 || this.polls++ % NO_ADAPTER_CHECK_POLLS !== 0) return;
    this.claims.markWithoutAdapter(this.adapters.channels).catch(() => undefined);
  }

  private async claimWhileDue(): Promise<void> {
    do {
      this.again = false;
      const free = this.concurrency - this.inFlight;
      const channels: ChannelName[] = this.adapters.channels;
      if (free <= 0 || channels.length === 0) return;
      const busy = [...this.perEndpoint.entries()];
      const token = `${this.runner.instanceId}#${++this.claimSeq}`;
      let rows: ClaimedDelivery[];
      try {
        rows = await this.claims.claim({
          leaseToken: token,
          leaseMs: this.leaseMs,
          limit: free,
          channels,
          busyEndpoints: busy.map(([endpoint]) => endpoint),
          busyFree: busy.map(([, n]) => this.endpointConcurrency - n),
          perEndpoint: this.endpointConcurrency,
          scan: Math.max(MIN_SCAN, free * SCAN_PER_SLOT),
        });
      } catch (error) {
        if (Date.now() - this.lastClaimError > 30_000) {
          this.lastClaimError = Date.now();
          this.logger.warn(`claiming deliveries failed (${(error as Error).message}); retrying on the next poll`);
        }
        return;
      }
      const groups = groupsOf(rows);
      if (this.stopped) {
        await this.claims
          .release(
            [token],
            rows.map((row) => row.delivery_id),
          )
          .catch(() => 0);
        return;
      }
      for (const group of groups) this.start(group, token);
      this.moreDue = groups.length >= free;
      // Fewer than asked but some: endpoints skipped as full may hide more due work further on.
      if (groups.length > 0 && groups.length < free) this.again = true;
    } while (this.again && !this.stopped);
  }

  private start(group: ClaimedDelivery[], token: string): void {
    const { endpoint, delivery_id: id } = group[0];
    this.inFlight++;
    this.perEndpoint.set(endpoint, (this.perEndpoint.get(endpoint) ?? 0) + 1);
    const controller = new AbortController();
    const done = this.sender
      .send(group, token, controller.signal)
      .catch((error: Error) => this.logger.error(`delivery ${id}: ${error.message}`))
      .finally(() => {
        this.inFlight--;
        const left = (this.perEndpoint.get(endpoint) ?? 1) - 1;
        if (left > 0) this.perEndpoint.set(endpoint, left);
        else this.perEndpoint.delete(endpoint);
        this.sends.delete(id);
        this.slotFreed();
      });
    this.sends.set(id, { ids: group.map((row) => row.delivery_id), token, controller, done });
  }

  /**
   * While more is due, a freed slot claims again: at once when a quarter of the slots are free,
   * else after CLAIM_GATHER_MS, so that under load a claim takes many deliveries, not one.
   */
  private slotFreed(): void {
    if (!this.moreDue || this.kickQueued || this.stopped) return;
    this.kickQueued = true;
    const free = this.concurrency - this.inFlight;
    const go = () => {
      this.kickQueued = false;
      this.kick();
    };
    if (free >= Math.max(1, this.concurrency / 4)) setImmediate(go);
    else setTimeout(go, CLAIM_GATHER_MS).unref();
  }
}

/** Claimed rows by send: a digest's rows after its lead (the row whose id names the group). */
function groupsOf(rows: ClaimedDelivery[]): ClaimedDelivery[][] {
  const groups = new Map<string, ClaimedDelivery[]>();
  for (const row of rows) {
    const group = groups.get(row.group_id) ?? [];
    if (row.delivery_id === row.group_id) group.unshift(row);
    else group.push(row);
    groups.set(row.group_id, group);
  }
  return [...groups.values()];
}

import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../../core/config/app-config.service.js';
import { SecretBox } from '../../security/secret-box.js';
import { JobRunner } from '../../state/job-runner.service.js';
import { PgListener } from '../../state/pg-listener.service.js';
import { EMAIL_INGESTOR, type EmailIngestor } from '../email.types.js';
import { MailboxMetrics } from './mailbox-metrics.js';
import { MAILBOXES_CHANGED, MAILBOXES_CHANNEL } from './mailbox-signals.js';
import { MailboxWatchRepository } from './mailbox-watch.repository.js';
import { MailboxWatcher, type WatcherDeps, type WatcherSettings } from './mailbox-watcher.js';
import type { MailboxRow } from './mailboxes.repository.js';
import { planWatchers, watchFingerprint } from './watch-plan.js';

/** Watchers still busy at shutdown (a message being ingested) get this long before the leases go anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

interface Running {
  watcher: MailboxWatcher;
  fingerprint: string;
}

/**
 * Watches the ACTIVE mailboxes this instance holds a lease on, one MailboxWatcher (one IMAP
 * connection) each. Every third of EMAIL_MAILBOX_LEASE_MS it renews its leases and takes the
 * ones whose lease ran out (their instance died, or let go at shutdown), then starts and stops
 * watchers to match; a mailbox change made anywhere (MailboxSignals) runs that at once. While
 * the database cannot be reached the watchers go on until the last renewed lease would run out,
 * then stop: past that another instance may hold them. At shutdown it stops its watchers (each
 * logs out) and releases its leases, so another instance takes them over at its next renewal.
 */
@Injectable()
export class MailboxSupervisor implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailboxSupervisor.name);
  private readonly enabled: boolean;
  private readonly leaseMs: number;
  private readonly settings: WatcherSettings;
  private readonly watchers = new Map<string, Running>();
  private readonly deps: Omit<WatcherDeps, 'onLeaseLost'>;
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private again = false;
  private stopped = false;
  /** Until when, by this instance's clock, the leases renewed last are surely still ours. */
  private heldUntil = 0;

  constructor(
    private readonly watch: MailboxWatchRepository,
    secrets: SecretBox,
    metrics: MailboxMetrics,
    private readonly runner: JobRunner,
    private readonly listener: PgListener,
    private readonly emitter: EventEmitter2,
    config: AppConfig,
    @Optional() @Inject(EMAIL_INGESTOR) private readonly ingestor?: EmailIngestor,
  ) {
    this.enabled = config.get('EMAIL_MAILBOXES_ENABLED');
    this.leaseMs = config.get('EMAIL_MAILBOX_LEASE_MS');
    this.settings = {
      idleRestartMs: config.get('EMAIL_IDLE_RESTART_SECONDS') * 1000,
      pollIntervalMs: config.get('EMAIL_POLL_INTERVAL_SECONDS') * 1000,
      watchdogMs: config.get('EMAIL_WATCHDOG_TIMEOUT_MS'),
      reconnectMaxMs: config.get('EMAIL_RECONNECT_MAX_DELAY_MS'),
      unhealthyAfterMs: config.get('EMAIL_UNHEALTHY_AFTER_SECONDS') * 1000,
      maxBytes: config.get('EMAIL_MAX_BYTES'),
    };
    this.deps = {
      instance: runner.instanceId,
      ingestor: ingestor!,
      watch,
      metrics,
      open: (sealed) => secrets.open(sealed),
      logger: new Logger(MailboxWatcher.name),
      settings: this.settings,
    };
  }

  private get active(): boolean {
    return this.enabled && this.ingestor !== undefined;
  }

  onModuleInit(): void {
    if (!this.active) return;
    // Before PgListener connects (at bootstrap): it LISTENs on the channels asked for by then.
    this.listener.listen(MAILBOXES_CHANNEL, () => this.refresh());
    this.emitter.on(MAILBOXES_CHANGED, () => this.refresh());
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) {
      this.logger.log('EMAIL_MAILBOXES_ENABLED=false: this instance watches no mailbox');
      return;
    }
    if (!this.ingestor) {
      this.logger.warn('no EMAIL_INGESTOR is provided: this instance watches no mailbox');
      return;
    }
    this.timer = setInterval(() => this.refresh(), Math.floor(this.leaseMs / 3));
    this.timer.unref();
    this.refresh();
  }

  /** The mailboxes this instance watches now (their ids). */
  get watching(): string[] {
    return [...this.watchers.keys()];
  }

  /** Renew, take and match now; calls during a run make it run once more after. */
  refresh(): void {
    if (this.stopped || !this.active) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick().finally(() => {
      this.ticking = undefined;
      if (this.again) {
        this.again = false;
        this.refresh();
      }
    });
  }

  /** Searches a mailbox now if this instance watches it (a manual check found mail, say). */
  poke(mailboxId: string): void {
    this.watchers.get(mailboxId)?.watcher.poke();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.ticking;
    const ids = [...this.watchers.keys()];
    await Promise.race([Promise.allSettled(ids.map((id) => this.stopWatcher(id))), sleep(SHUTDOWN_GRACE_MS)]);
    if (ids.length === 0) return;
    const released = await this.watch.release(this.runner.instanceId, ids).catch(() => 0);
    this.logger.log(`shutdown: stopped ${ids.length} mailbox watchers, released ${released} leases`);
  }

  private async tick(): Promise<void> {
    const startedAt = Date.now();
    let held: MailboxRow[];
    try {
      held = await this.watch.claim(this.runner.instanceId, this.leaseMs);
    } catch (error) {
      if (this.watchers.size > 0 && Date.now() >= this.heldUntil) {
        this.logger.warn(`leases not renewed (${(error as Error).message}): stopping every watcher`);
        await Promise.allSettled(this.watching.map((id) => this.stopWatcher(id)));
      } else {
        this.logger.warn(`leases not renewed: ${(error as Error).message}`);
      }
      return;
    }
    // Measured from before the claim was sent: the database's lease started no earlier.
    this.heldUntil = startedAt + this.leaseMs;
    if (this.stopped) return;
    const running = new Map([...this.watchers].map(([id, run]) => [id, run.fingerprint]));
    const plan = planWatchers(running, held);
    await Promise.allSettled(plan.stop.map((id) => this.stopWatcher(id)));
    for (const row of plan.start) {
      if (this.stopped) break;
      const watcher: MailboxWatcher = new MailboxWatcher(row, {
        ...this.deps,
        onLeaseLost: () => {
          if (this.watchers.get(row.mailbox_id)?.watcher === watcher) this.watchers.delete(row.mailbox_id);
        },
      });
      this.watchers.set(row.mailbox_id, { watcher, fingerprint: watchFingerprint(row) });
      this.logger.log(`watching mailbox ${row.name} (${row.host}:${row.port}, ${row.folder})`);
      watcher.start();
    }
  }

  private async stopWatcher(id: string): Promise<void> {
    const run = this.watchers.get(id);
    if (!run) return;
    this.watchers.delete(id);
    await run.watcher.stop();
  }
}

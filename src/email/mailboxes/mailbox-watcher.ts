import type { Logger } from '@nestjs/common';
import type { ImapFlow } from 'imapflow';
import type { EmailIngestor } from '../email.types.js';
import { afterProcessing, interruptedActions } from './after-processing.js';
import { closeClient, type Guard, imapClient, uidSet, withDeadline } from './imap-client.js';
import { describeImapError, secretForms } from './imap-errors.js';
import { healthAfterConnect, healthAfterFailure, type HealthState } from './mailbox-health.js';
import { resolveMailboxHost } from './mailbox-host-policy.js';
import type { MailboxMetrics } from './mailbox-metrics.js';
import type { MailboxWatchRepository } from './mailbox-watch.repository.js';
import type { MailboxRow } from './mailboxes.repository.js';
import { reconnectDelay } from './reconnect-backoff.js';
import { Wakeup } from './wakeup.js';
import { ConnectionLost, LeaseLost, store, StoreFailure } from './watch-errors.js';

export interface WatcherSettings {
  idleRestartMs: number;
  pollIntervalMs: number;
  watchdogMs: number;
  reconnectMaxMs: number;
  unhealthyAfterMs: number;
  maxBytes: number;
}

export interface WatcherDeps {
  instance: string;
  ingestor: EmailIngestor;
  watch: MailboxWatchRepository;
  metrics: MailboxMetrics;
  open(sealed: string): string;
  logger: Logger;
  settings: WatcherSettings;
  /** The watcher found its lease taken (another instance holds the mailbox): it has stopped. */
  onLeaseLost(mailboxId: string): void;
}

/** An ingest that threw (the database, not the mailbox): the message is tried again this soon. */
const INGEST_RETRY_MS = 5_000;
/** A LOGOUT at shutdown gets this long before the socket is closed anyway. */
const LOGOUT_MS = 2_000;
/** A message's bytes must come at least this fast (bytes per second) on top of the watchdog's time. */
const MIN_FETCH_RATE = 50_000;
/** Sizes are fetched for this many UIDs per command (a backlog of thousands is read in steps). */
const SIZE_BATCH = 500;

/**
 * One mailbox's connection loop, while this instance holds its lease: connect, open the folder,
 * check UIDVALIDITY against the checkpoint, finish the after-processing a crash interrupted, take
 * in every message after the checkpoint (UID order), then IDLE; new mail (EXISTS) breaks the IDLE
 * and is taken in at once. The IDLE is ended every min(EMAIL_IDLE_RESTART_SECONDS, watchdog / 2)
 * for a NOOP that must be answered within EMAIL_WATCHDOG_TIMEOUT_MS (an IDLE can die without an
 * error: imapflow issue #14), and a catch-up search runs every EMAIL_POLL_INTERVAL_SECONDS (servers
 * without IDLE, and anything a lost EXISTS missed). Any failure closes the connection, records
 * the health (DEGRADED, then UNHEALTHY) and reconnects after an exponential, jittered backoff.
 */
export class MailboxWatcher {
  private stopped = false;
  private client?: ImapFlow;
  private readonly wakeup = new Wakeup();
  private health: HealthState;
  private failures = 0;
  private uidValidity = 0;
  private lastUid = 0;
  private catchUpWanted = false;
  private nextSearchAt = 0;
  private lastAnswerAt = 0;
  private secrets: string[] = [];
  private running?: Promise<void>;
  /** Why the current connection closed, once it has. */
  private closedBy?: Error;

  constructor(
    private readonly row: MailboxRow,
    private readonly deps: WatcherDeps,
  ) {
    this.health = { health: row.health, failingSince: row.failing_since };
  }

  get mailboxId(): string {
    return this.row.mailbox_id;
  }

  start(): void {
    this.running ??= this.run();
  }

  /** New mail may be there (an EXISTS, a manual check): search now. */
  poke(): void {
    this.catchUpWanted = true;
    this.wakeup.fire();
  }

  /** Ends the loop: logs out (bounded), closes the socket, waits for the message in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeup.fire();
    const client = this.client;
    if (client) await closeClient(client, LOGOUT_MS);
    await this.running;
  }

  private async run(): Promise<void> {
    const { logger, settings, metrics } = this.deps;
    while (!this.stopped) {
      try {
        await this.session();
      } catch (error) {
        if (error instanceof LeaseLost) {
          logger.warn(`mailbox ${this.row.name}: another instance holds it now; this one stops watching`);
          this.stopped = true;
          this.closeNow();
          this.deps.onLeaseLost(this.mailboxId);
          break;
        }
        this.closeNow();
        if (this.stopped) break;
        this.failures++;
        let message: string;
        if (error instanceof StoreFailure) {
          // The mailbox is fine, its row cannot be written: no health to record either.
          message = `the database could not be reached (${error.message})`;
        } else {
          message = describeImapError(error, this.secrets);
          await this.recordFailure(message);
        }
        const delay = reconnectDelay(this.failures, settings.reconnectMaxMs);
        logger.warn(`mailbox ${this.row.name}: ${message}; reconnecting in ${delay} ms`);
        await this.wakeup.wait(delay, () => this.stopped);
        if (!this.stopped) metrics.reconnected(this.row.name);
      }
    }
  }

  private async recordFailure(message: string): Promise<void> {
    const next = healthAfterFailure(this.health, new Date(), this.deps.settings.unhealthyAfterMs);
    try {
      const change = await this.deps.watch.failed(
        this.mailboxId,
        this.deps.instance,
        next.health,
        next.failingSince!,
        message,
      );
      if (!change) throw new LeaseLost();
      this.health = next;
      if (change.before !== change.after) {
        this.deps.logger.warn(`mailbox ${this.row.name} is ${change.after} (was ${change.before}): ${message}`);
      }
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.stopped = true;
        this.deps.onLeaseLost(this.mailboxId);
        return;
      }
      // The database is away too: the health is written at the next failure or connect.
      this.health = next;
      this.deps.logger.warn(`mailbox ${this.row.name}: health not recorded: ${(error as Error).message}`);
    }
  }

  private async session(): Promise<void> {
    const { settings, watch, instance, logger } = this.deps;
    const secret = this.openSecret();
    const address = await resolveMailboxHost(this.row.host);
    const client = imapClient(this.row, secret, address, settings);
    this.client = client;
    this.closedBy = undefined;
    this.uidValidity = 0;
    let lastError: Error | undefined;
    // imapflow emits 'error' once and then 'close'; without a listener an 'error' would crash the process.
    client.on('error', (error: Error) => (lastError = error));
    client.on('close', () => {
      if (this.client !== client) return; // a previous session's socket, closed late
      this.closedBy = lastError ?? new ConnectionLost('the connection was closed');
      this.wakeup.fire();
    });
    client.on('exists', (data: { count: number; prevCount: number }) => {
      this.lastAnswerAt = Date.now();
      if (data.count > data.prevCount) this.poke();
    });
    client.on('mailboxOpen', (mailbox: { uidValidity: bigint }) => {
      // The server changed UIDVALIDITY under an open session: start over from the connect.
      if (this.uidValidity && Number(mailbox.uidValidity) !== this.uidValidity) client.close();
    });
    const guard: Guard = (promise, what, ms = settings.watchdogMs) => withDeadline(promise, ms, what);

    await guard(client.connect(), 'connect', settings.watchdogMs * 2);
    const mailbox = await guard(client.mailboxOpen(this.row.folder), `SELECT ${this.row.folder}`);
    this.uidValidity = Number(mailbox.uidValidity);
    const checkpoint = await store(watch.connected(this.mailboxId, instance, this.uidValidity));
    if (!checkpoint) throw new LeaseLost();
    if (checkpoint.health_before !== 'HEALTHY') {
      logger.log(`mailbox ${this.row.name} is HEALTHY (was ${checkpoint.health_before})`);
    }
    if (checkpoint.reset && checkpoint.uid_validity_before !== null) {
      logger.warn(
        `mailbox ${this.row.name}: UIDVALIDITY ${checkpoint.uid_validity_before} became ${this.uidValidity}: ` +
          'the folder is read again from UID 1 (ingest dedupes by Message-ID and content: nothing is taken in twice)',
      );
    }
    this.health = healthAfterConnect();
    this.failures = 0;
    this.lastUid = checkpoint.last_uid;
    this.lastAnswerAt = Date.now();
    await this.finishInterruptedActions(client, guard);
    this.catchUpWanted = true;

    const probeEveryMs = Math.min(settings.idleRestartMs, settings.watchdogMs / 2);
    for (;;) {
      if (this.closedBy) throw this.closedBy;
      if (this.stopped) return;
      const now = Date.now();
      if (this.catchUpWanted || now >= this.nextSearchAt) {
        this.catchUpWanted = false;
        await this.catchUp(client, guard);
      } else if (now - this.lastAnswerAt >= probeEveryMs) {
        await guard(client.noop(), 'NOOP');
        this.lastAnswerAt = Date.now();
      } else {
        // IDLE until new mail, the next probe or search, a stop, or the connection closing. The
        // next command breaks it (imapflow sends DONE first); its answer proves the IDLE was alive.
        if (!client.idling) void client.idle().catch(() => undefined);
        const until = Math.min(this.nextSearchAt, this.lastAnswerAt + probeEveryMs);
        await this.wakeup.wait(
          until - now + 1,
          () => this.stopped || this.catchUpWanted || this.closedBy !== undefined,
        );
      }
    }
  }

  /** Every message after the checkpoint, in UID order: too large ones skipped, the others ingested. */
  private async catchUp(client: ImapFlow, guard: Guard): Promise<void> {
    const { settings, watch, instance } = this.deps;
    this.nextSearchAt = Date.now() + settings.pollIntervalMs;
    if (!(await store(watch.searched(this.mailboxId, instance)))) throw new LeaseLost();
    const found = await guard(client.search({ uid: `${this.lastUid + 1}:*` }, { uid: true }), 'UID SEARCH');
    this.lastAnswerAt = Date.now();
    if (!found) throw new Error('UID SEARCH was refused');
    // `n:*` always holds the highest UID, even one below n (RFC 9051 6.4.4).
    const uids = found.filter((uid) => uid > this.lastUid).sort((a, b) => a - b);
    if (uids.length === 0) return;
    for (let i = 0; i < uids.length; i += SIZE_BATCH) {
      const batch = uids.slice(i, i + SIZE_BATCH);
      const listed = await guard(
        client.fetchAll(uidSet(batch), { uid: true, size: true }, { uid: true }),
        'FETCH SIZE',
      );
      const sizes = new Map(listed.map((message) => [message.uid, message.size ?? 0]));
      for (const uid of batch) {
        if (this.stopped) return;
        if (!(await this.takeIn(client, guard, uid, sizes.get(uid)))) return;
      }
    }
  }

  /**
   * One message: skipped when its RFC822.SIZE is over EMAIL_MAX_BYTES (its bytes are never
   * fetched), else fetched and ingested; then its after-processing, only once the ingest (which
   * moves the checkpoint in its own transaction) has committed. False: stop this catch-up.
   */
  private async takeIn(client: ImapFlow, guard: Guard, uid: number, size: number | undefined): Promise<boolean> {
    const { settings, ingestor, metrics } = this.deps;
    if (size === undefined) return true; // expunged since the search
    if (size > settings.maxBytes) {
      await this.skipTooLarge(uid, size);
    } else {
      const fetchMs = settings.watchdogMs + Math.ceil((size / MIN_FETCH_RATE) * 1000);
      const message = await guard(
        client.fetchOne(String(uid), { uid: true, source: true }, { uid: true }),
        'FETCH BODY',
        fetchMs,
      );
      this.lastAnswerAt = Date.now();
      if (!message || !message.source) return true; // expunged since the search
      if (message.source.length > settings.maxBytes) {
        await this.skipTooLarge(uid, message.source.length);
      } else {
        try {
          const source = { kind: 'imap', mailbox_id: this.mailboxId, uid_validity: this.uidValidity, uid } as const;
          metrics.fetched(this.row.name, (await ingestor.ingest(message.source, source)).status);
        } catch (error) {
          // Not the mailbox's fault: the connection stays, the message is tried again shortly.
          this.deps.logger.warn(
            `mailbox ${this.row.name}: UID ${uid} not ingested (${(error as Error).message}); again in ${INGEST_RETRY_MS} ms`,
          );
          this.nextSearchAt = Date.now() + INGEST_RETRY_MS;
          return false;
        }
      }
    }
    this.lastUid = uid;
    // A failure here leaves the message in place with the checkpoint past it: the next
    // session's finishInterruptedActions() does it again.
    await afterProcessing(client, guard, this.row, String(uid));
    this.lastAnswerAt = Date.now();
    return true;
  }

  private async skipTooLarge(uid: number, size: number): Promise<void> {
    const { watch, settings, instance, metrics, logger } = this.deps;
    await store(
      watch.skip(
        this.mailboxId,
        this.uidValidity,
        uid,
        'too_large',
        { size_bytes: size, max_bytes: settings.maxBytes },
        instance,
      ),
    );
    metrics.fetched(this.row.name, 'TOO_LARGE');
    logger.warn(`mailbox ${this.row.name}: UID ${uid} is ${size} bytes (> EMAIL_MAX_BYTES): not fetched, audited`);
  }

  /** Finishes the after-processing a previous session was cut off from (one command for all of them). */
  private async finishInterruptedActions(client: ImapFlow, guard: Guard): Promise<void> {
    const uids = await interruptedActions(client, guard, this.row.after_processing, this.lastUid);
    if (uids.length === 0) return;
    this.deps.logger.log(
      `mailbox ${this.row.name}: finishing "${this.row.after_processing}" of ${uids.length} ingested messages`,
    );
    await afterProcessing(client, guard, this.row, uidSet(uids));
    this.lastAnswerAt = Date.now();
  }

  private openSecret(): string {
    let secret: string;
    try {
      secret = this.deps.open(this.row.secret_sealed);
    } catch {
      throw Object.assign(new Error('the stored secret cannot be opened (was SECRETS_KEY changed?)'), {
        code: 'SECRET_UNREADABLE',
      });
    }
    this.secrets = secretForms(this.row.username, secret);
    return secret;
  }

  /** Destroys the socket at once (a dead peer answers no LOGOUT). */
  private closeNow(): void {
    this.client?.close();
    this.client = undefined;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { PgListener } from '../../state/pg-listener.service.js';
import { AUDIENCE_PATTERN } from './audience.js';
import { type InboxRow, InboxRepository } from './inbox.repository.js';

/** The NOTIFY channel: its payload is the audience that has a new row. */
export const INBOX_CHANNEL = 'inbox_notifications';
const PULL_PAGE = 500;

export type InboxSink = (rows: InboxRow[]) => void;

/** One audience's live rows on this instance, read once per wake-up for all its streams. */
class AudienceFeed {
  readonly sinks = new Set<InboxSink>();
  private cursor = '0';
  private pulling?: Promise<void>;
  private again = false;
  readonly ready: Promise<void>;

  constructor(
    readonly audience: string,
    private readonly inbox: InboxRepository,
    private readonly logger: Logger,
  ) {
    // A wake-up that comes while the cursor is read is not lost: the first pull follows it.
    this.ready = inbox.newestId(audience).then((id) => {
      this.cursor = id;
      this.pull();
    });
  }

  /** Reads what came after the cursor; a wake-up during a read makes one more read after it. */
  pull(): void {
    if (this.pulling) {
      this.again = true;
      return;
    }
    this.pulling = this.drain()
      .catch((error: Error) => this.logger.warn(`inbox feed for ${this.audience}: ${error.message}`))
      .finally(() => {
        this.pulling = undefined;
        if (this.again) {
          this.again = false;
          this.pull();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const rows = await this.inbox.after(this.audience, this.cursor, PULL_PAGE);
      if (rows.length === 0) return;
      this.cursor = rows[rows.length - 1].notification_id;
      for (const sink of this.sinks) sink(rows);
      if (rows.length < PULL_PAGE) return;
    }
  }
}

/**
 * Live inbox rows, from whichever instance wrote them. A writer announces the audience after its
 * commit: on this instance directly, on the others by pg_notify (PgListener's LISTEN connection;
 * on PGlite there is one process, so the direct call is all there is). An announcement only wakes
 * the audience's feed, which reads the rows after its cursor from the database: a lost or
 * duplicated NOTIFY can delay a row until the next poll (each heartbeat), never lose or repeat one.
 */
@Injectable()
export class InboxFeed {
  private readonly logger = new Logger(InboxFeed.name);
  private readonly feeds = new Map<string, AudienceFeed>();

  constructor(
    private readonly inbox: InboxRepository,
    private readonly listener: PgListener,
  ) {
    // In the constructor: PgListener connects at bootstrap only if some channel has a handler.
    listener.listen(INBOX_CHANNEL, (audience) => {
      if (AUDIENCE_PATTERN.test(audience)) this.feeds.get(audience)?.pull();
    });
  }

  /** After the row's commit: wakes this instance's streams of the audience, and every other instance's. */
  async announce(audience: string): Promise<void> {
    this.feeds.get(audience)?.pull();
    await this.listener.publish(INBOX_CHANNEL, [audience]);
  }

  /**
   * `sink` gets every row of the audience written from now on (and possibly a few just before),
   * in id order. Resolves once the feed knows where "now" is; the answer unsubscribes.
   */
  async subscribe(audience: string, sink: InboxSink): Promise<() => void> {
    let feed = this.feeds.get(audience);
    if (!feed) {
      feed = new AudienceFeed(audience, this.inbox, this.logger);
      this.feeds.set(audience, feed);
    }
    feed.sinks.add(sink);
    const joined = feed;
    const leave = () => {
      joined.sinks.delete(sink);
      if (joined.sinks.size === 0 && this.feeds.get(audience) === joined) this.feeds.delete(audience);
    };
    try {
      await feed.ready;
    } catch (error) {
      // The feed never started (the database is down): the next stream starts a new one.
      joined.sinks.delete(sink);
      if (this.feeds.get(audience) === joined) this.feeds.delete(audience);
      throw error;
    }
    return leave;
  }

  /** Re-reads every feed: the safety net for a NOTIFY missed while the LISTEN connection was down. */
  poll(): void {
    for (const feed of this.feeds.values()) feed.pull();
  }
}

import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { InboxNotificationDto } from './dto/inbox-notification.dto.js';
import type { InboxFeed } from './inbox-feed.service.js';
import type { InboxRow, InboxRepository } from './inbox.repository.js';

const REPLAY_PAGE = 500;
/**
 * A client that reads slower than notifications come would make the socket's buffer grow without
 * bound: past this it is closed, and it reconnects with Last-Event-ID for what it missed.
 */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface StreamOptions {
  audience: string;
  /** Replay every row after it first; null: only what is written from now on. */
  lastEventId: number | null;
  retryMs: number;
  /** What the app set on the reply before it was hijacked (request id, security headers, CORS). */
  headers: OutgoingHttpHeaders;
}

/**
 * One client's text/event-stream. It joins the audience's live feed before it replays, holding
 * live rows back meanwhile, then sends the held rows the replay did not reach: so nothing written
 * between the replay's read and the switch to live is lost, and nothing is sent twice (a row goes
 * out only if its id is above the last one sent; per audience, ids commit in order).
 */
export class SseStream {
  private lastSent = 0;
  private held: InboxRow[] | null = [];
  private leave?: () => void;
  private closed = false;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    private readonly res: ServerResponse,
    private readonly options: StreamOptions,
  ) {
    res.on('close', () => this.close());
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  get audience(): string {
    return this.options.audience;
  }

  async start(feed: InboxFeed, inbox: InboxRepository): Promise<void> {
    this.res.writeHead(200, {
      ...this.options.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx buffers proxied answers by default, which would hold every event back.
      'x-accel-buffering': 'no',
    });
    this.res.write(`retry: ${this.options.retryMs}\n\n`);
    try {
      const leave = await feed.subscribe(this.audience, (rows) => this.live(rows));
      if (this.closed) return leave();
      this.leave = leave;
      if (this.options.lastEventId !== null) await this.replay(inbox, this.options.lastEventId);
    } catch {
      // The database is unreachable: the client reconnects (retry:) and replays from its last id.
      return this.close();
    }
    const held = this.held ?? [];
    this.held = null;
    this.send(held);
  }

  ping(): void {
    if (!this.closed) this.res.write(': ping\n\n');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.leave?.();
    if (!this.res.writableEnded) this.res.end();
    for (const listener of this.closeListeners) listener();
  }

  private async replay(inbox: InboxRepository, afterId: number): Promise<void> {
    this.lastSent = afterId;
    for (;;) {
      const rows = await inbox.after(this.audience, String(this.lastSent), REPLAY_PAGE);
      if (this.closed) return;
      this.send(rows);
      if (rows.length < REPLAY_PAGE) return;
      // Waits for the socket before the next page, so a long replay does not pile up in memory.
      if (this.res.writableLength > 0) await this.drained();
    }
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.once('drain', done);
      this.res.once('close', done);
    });
  }

  private live(rows: InboxRow[]): void {
    if (this.held) this.held.push(...rows);
    else this.send(rows);
  }

  private send(rows: InboxRow[]): void {
    for (const row of rows) {
      const id = Number(row.notification_id);
      if (this.closed || id <= this.lastSent) continue;
      this.lastSent = id;
      // JSON.stringify escapes line breaks, so a data: line never ends early.
      this.res.write(`id: ${id}\nevent: notification\ndata: ${JSON.stringify(InboxNotificationDto.of(row))}\n\n`);
    }
    if (this.res.writableLength > MAX_BUFFERED_BYTES) this.close();
  }
}

import { type BeforeApplicationShutdown, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { AppConfig } from '../../core/config/app-config.service.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { InAppErrorCode } from '../in-app.errors.js';
import { InboxFeed } from './inbox-feed.service.js';
import { InboxRepository } from './inbox.repository.js';
import { SseStream, type StreamOptions } from './sse-stream.js';

/** A place among the open streams, taken before the reply is hijacked so a refusal is a problem+json. */
export interface StreamSlot {
  key: string;
}

const ANONYMOUS = '-';

/**
 * The open SSE streams of this instance: their caps, one heartbeat for all of them, and their end
 * at shutdown (before the HTTP server closes: an open stream would keep it waiting forever).
 */
@Injectable()
export class InboxStreams implements OnModuleInit, BeforeApplicationShutdown {
  private readonly streams = new Set<SseStream>();
  private readonly perKey = new Map<string, number>();
  private reserved = 0;
  private closing = false;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly feed: InboxFeed,
    private readonly inbox: InboxRepository,
  ) {}

  onModuleInit(): void {
    this.heartbeat = setInterval(() => this.beat(), this.config.get('NOTIFY_SSE_HEARTBEAT_MS'));
    this.heartbeat.unref();
  }

  get openCount(): number {
    return this.streams.size;
  }

  /** Takes a place for the caller's key (null without security), or refuses with 429 / 503. */
  reserve(keyId: string | null): StreamSlot {
    const key = keyId ?? ANONYMOUS;
    if (this.closing) {
      throw new DomainException(InAppErrorCode.StreamsExhausted, 'This instance is shutting down; reconnect.', {
        retryAfter: 1,
      });
    }
    if (this.reserved >= this.config.get('NOTIFY_SSE_MAX_CONNECTIONS')) {
      throw new DomainException(
        InAppErrorCode.StreamsExhausted,
        'This instance holds as many notification streams as it may (NOTIFY_SSE_MAX_CONNECTIONS); try again later.',
        { retryAfter: 5 },
      );
    }
    if ((this.perKey.get(key) ?? 0) >= this.config.get('NOTIFY_SSE_MAX_PER_KEY')) {
      throw new DomainException(
        InAppErrorCode.StreamsPerKeyExceeded,
        'This API key holds as many notification streams as it may (NOTIFY_SSE_MAX_PER_KEY); close one first.',
        { retryAfter: 5 },
      );
    }
    this.reserved += 1;
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    return { key };
  }

  /** Starts the stream on the hijacked reply; the slot is given back when it closes, however it does. */
  open(res: ServerResponse, options: Omit<StreamOptions, 'retryMs'>, slot: StreamSlot): void {
    const stream = new SseStream(res, { ...options, retryMs: this.config.get('NOTIFY_SSE_RETRY_MS') });
    this.streams.add(stream);
    stream.onClose(() => {
      this.streams.delete(stream);
      this.release(slot);
    });
    void stream.start(this.feed, this.inbox);
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const stream of [...this.streams]) stream.close();
  }

  private beat(): void {
    for (const stream of this.streams) stream.ping();
    this.feed.poll();
  }

  private release(slot: StreamSlot): void {
    this.reserved -= 1;
    const left = (this.perKey.get(slot.key) ?? 1) - 1;
    if (left > 0) this.perKey.set(slot.key, left);
    else this.perKey.delete(slot.key);
  }
}

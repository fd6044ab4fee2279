import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../core/config/app-config.service.js';

type Handler = (payload: string) => void;

/**
 * LISTEN on a dedicated PostgreSQL connection, so every instance hears what another one announces
 * with pg_notify (new work for a module wakes its long-polling workers wherever they wait). Only on
 * a real server: with PGlite there is a single process, and in-process signals suffice.
 */
@Injectable()
export class PgListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PgListener.name);
  private readonly handlers = new Map<string, Set<Handler>>();
  private client?: pg.Client;
  private stopped = false;
  private retryMs = 500;
  private publishing: Promise<void> = Promise.resolve();

  constructor(private readonly config: AppConfig) {}

  /** Calls `handler` with each notification's payload on `channel` (a fixed identifier). */
  listen(channel: string, handler: Handler): void {
    const handlers = this.handlers.get(channel) ?? new Set<Handler>();
    handlers.add(handler);
    this.handlers.set(channel, handlers);
  }

  /**
   * NOTIFY `channel` once per payload on the listening connection, after the caller's commit (not
   * in its transaction: a NOTIFY in a transaction takes a database-wide lock at commit, which
   * serialised robot creation). Best effort: without the connection, claims fall back to polling.
   */
  async publish(channel: string, payloads: string[]): Promise<void> {
    const client = this.client;
    if (!client || payloads.length === 0) return;
    // One query at a time on the connection (pg 9 drops its implicit queue).
    this.publishing = this.publishing
      .then(() => client.query(`SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload`, [channel, payloads]))
      .then(
        () => undefined,
        () => undefined,
      );
    await this.publishing;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.isEmbeddedDatabase || this.handlers.size === 0) return;
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.config.get('DATABASE_URL'),
      connectionTimeoutMillis: this.config.get('DB_CONNECT_TIMEOUT_MS'),
      application_name: 'botfleet-listen',
    });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      this.client = client;
      this.retryMs = 500;
    } catch (error) {
      this.logger.warn(`LISTEN connection failed (${(error as Error).message}); retrying in ${this.retryMs} ms`);
      this.reconnect(client);
    }
  }

  private reconnect(client: pg.Client): void {
    if (this.stopped || (this.client && this.client !== client)) return;
    this.client = undefined;
    client.removeAllListeners();
    client.end().catch(() => undefined);
    setTimeout(() => void this.connect(), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }
}

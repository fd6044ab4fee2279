import { Injectable, Optional } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import type { MailboxHealth } from './mailbox.types.js';
import { MailboxWatchRepository } from './mailbox-watch.repository.js';

/** A scrape reads the mailboxes' health at most this often, however many Prometheus servers scrape. */
const HEALTH_TTL_MS = 5_000;

/** 1 healthy, 0.5 degraded, 0 unhealthy; a mailbox not yet connected (UNKNOWN) or PAUSED is left out. */
const HEALTH_VALUE: Partial<Record<MailboxHealth, number>> = { HEALTHY: 1, DEGRADED: 0.5, UNHEALTHY: 0 };

/**
 * The mailbox metrics, on the /metrics registry when METRICS_ENABLED (else on a private one, so
 * the code that counts never asks). The mailbox label is the mailbox's name: a set an operator
 * configures, never a message's data. Counters count this instance's work; the health gauge is
 * the fleet's (read from the database), so whichever instance is scraped tells the same.
 */
@Injectable()
export class MailboxMetrics {
  private readonly messages: Counter<'mailbox' | 'outcome'>;
  private readonly reconnects: Counter<'mailbox'>;
  private cached?: { at: number; value: Promise<Array<{ name: string; health: MailboxHealth; status: string }>> };

  constructor(watch: MailboxWatchRepository, @Optional() registry?: Registry) {
    const registers = [registry ?? new Registry()];
    this.messages = new Counter({
      name: 'botfleet_mailbox_messages_total',
      help: 'Messages fetched from watched mailboxes by outcome (the ingest status, or too_large: not fetched)',
      labelNames: ['mailbox', 'outcome'],
      registers,
    });
    this.reconnects = new Counter({
      name: 'botfleet_mailbox_reconnects_total',
      help: 'Reconnects of mailbox watchers after a failure (a dropped connection, a silent one, a refused login)',
      labelNames: ['mailbox'],
      registers,
    });
    const figures = () => {
      const now = Date.now();
      if (!this.cached || now - this.cached.at >= HEALTH_TTL_MS) {
        const value = watch.healthFigures();
        value.catch(() => (this.cached = undefined));
        this.cached = { at: now, value };
      }
      return this.cached.value;
    };
    new Gauge({
      name: 'botfleet_mailbox_health',
      help: 'Health of each ACTIVE mailbox: 1 HEALTHY, 0.5 DEGRADED, 0 UNHEALTHY (not yet connected: absent)',
      labelNames: ['mailbox'],
      registers,
      async collect() {
        const rows = await figures();
        this.reset();
        for (const row of rows) {
          const value = HEALTH_VALUE[row.health];
          if (row.status === 'ACTIVE' && value !== undefined) this.set({ mailbox: row.name }, value);
        }
      },
    });
  }

  fetched(mailbox: string, outcome: string): void {
    this.messages.inc({ mailbox, outcome: outcome.toLowerCase() });
  }

  reconnected(mailbox: string): void {
    this.reconnects.inc({ mailbox });
  }
}

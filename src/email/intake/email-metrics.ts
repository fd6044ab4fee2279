import { Injectable, Optional } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import type { IngestResult, IngestSource } from '../email.types.js';

/**
 * `botfleet_emails_ingested_total{source,status}` and how long an ingest takes (parse, classify,
 * extract, the transaction). Without METRICS_ENABLED the counts go to a private registry.
 */
@Injectable()
export class EmailMetrics {
  private readonly ingested: Counter<'source' | 'status'>;
  private readonly duration: Histogram<'source'>;

  constructor(@Optional() registry?: Registry) {
    const registers = [registry ?? new Registry()];
    this.ingested = new Counter({
      name: 'botfleet_emails_ingested_total',
      help: 'Emails taken in, by source (imap, upload, mbox) and outcome (ROBOT_CREATED, NEEDS_REVIEW, NO_ROBOT, REJECTED, DUPLICATE)',
      labelNames: ['source', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'botfleet_email_ingest_duration_seconds',
      help: 'Time to take one email in: parse, dedupe, store, extract, classify and the transaction',
      labelNames: ['source'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
  }

  record(source: IngestSource, result: IngestResult, seconds: number): void {
    this.ingested.inc({ source: source.kind, status: result.status });
    this.duration.observe({ source: source.kind }, seconds);
  }
}

import { Injectable, Optional } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';

export type OcrOutcome = 'completed' | 'failed' | 'cache_hit';

/**
 * `botfleet_ocr_documents_total{outcome}` and the dedupe hit ratio of this instance's uploads.
 * Without METRICS_ENABLED there is no registry to publish in: the counts are kept all the same,
 * on a private one, so the code that counts never asks.
 */
@Injectable()
export class OcrMetrics {
  private readonly documents: Counter<'outcome'>;
  private hits = 0;
  private lookups = 0;

  constructor(@Optional() registry?: Registry) {
    const registers = [registry ?? new Registry()];
    this.documents = new Counter({
      name: 'botfleet_ocr_documents_total',
      help: 'OCR documents by outcome: completed or failed by a robot, or answered from the dedupe cache',
      labelNames: ['outcome'],
      registers,
    });
    for (const outcome of ['completed', 'failed', 'cache_hit'] as const) this.documents.inc({ outcome }, 0);
    const ratio = () => (this.lookups === 0 ? 0 : this.hits / this.lookups);
    new Gauge({
      name: 'botfleet_ocr_cache_hit_ratio',
      help: "Share of this instance's OCR uploads answered from a finished result of the same bytes and options",
      registers,
      collect() {
        this.set(ratio());
      },
    });
  }

  /** An upload was looked up in the dedupe cache. */
  looked(hit: boolean): void {
    this.lookups++;
    if (hit) {
      this.hits++;
      this.documents.inc({ outcome: 'cache_hit' });
    }
  }

  finished(outcome: 'completed' | 'failed'): void {
    this.documents.inc({ outcome });
  }
}

import { Injectable } from '@nestjs/common';
import { Counter, Histogram, type Metric } from 'prom-client';

export type PageMetricSource = 'image' | 'pdf_scan' | 'pdf_text';
export type PageOutcome = 'ok' | 'error' | 'timeout';

/**
 * Engine metrics, created unregistered: the monitoring layer adds them to the /metrics registry
 * when metrics are on. Labels are engines, sources and outcomes only: bounded sets. Success rate
 * per engine is pages_total{outcome="ok"} over all of its pages.
 */
@Injectable()
export class OcrMetrics {
  readonly pages = new Counter({
    name: 'botfleet_ocr_pages_total',
    help: 'Page recognitions by engine (native, wasm, pdf_text), page source (image, pdf_scan, pdf_text) and outcome',
    labelNames: ['engine', 'source', 'outcome'],
    registers: [],
  });

  readonly pageSeconds = new Histogram({
    name: 'botfleet_ocr_page_seconds',
    help: 'Time one engine took on one page (recognition only), by engine',
    labelNames: ['engine'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
    registers: [],
  });

  readonly pageConfidence = new Histogram({
    name: 'botfleet_ocr_page_confidence',
    help: 'Page confidence (0-100) an engine reached, by engine',
    labelNames: ['engine'],
    buckets: [10, 20, 30, 40, 50, 60, 70, 80, 85, 90, 95, 100],
    registers: [],
  });

  all(): Metric[] {
    return [this.pages, this.pageSeconds, this.pageConfidence];
  }

  page(engine: string, source: PageMetricSource, outcome: PageOutcome, ms: number, confidence?: number): void {
    this.pages.inc({ engine, source, outcome });
    this.pageSeconds.observe({ engine }, ms / 1000);
    if (confidence !== undefined) this.pageConfidence.observe({ engine }, confidence);
  }
}

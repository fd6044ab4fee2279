import { Injectable } from '@nestjs/common';
import { Registry } from 'prom-client';
import { OcrMetrics } from '../../ocr/pipeline/ocr-metrics.js';

/** Puts the OCR engines' metrics (pages by engine and outcome, latency, confidence) on /metrics. */
@Injectable()
export class OcrMetricsCollector {
  constructor(registry: Registry, metrics: OcrMetrics) {
    for (const metric of metrics.all()) registry.registerMetric(metric);
  }
}

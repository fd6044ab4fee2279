import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../core/config/app-config.service.js';
import { ocrEngineUnavailable, ocrEnginesFailed, ocrLanguageUnavailable } from '../ocr-pipeline.errors.js';
import type { EngineChoice, OcrEngineName, OcrPage } from '../ocr.types.js';
import { OcrMetrics, type PageMetricSource } from '../pipeline/ocr-metrics.js';
import { PoolTimeoutError } from './bounded-pool.js';
import { NativeTesseractEngine } from './native-tesseract.engine.js';
import type { EngineResult, OcrEngine, Orientation } from './ocr-engine.js';
import { WasmTesseractEngine } from './wasm-tesseract.engine.js';

export interface EngineRun {
  engine: OcrEngineName;
  result: EngineResult;
  tried: OcrPage['engines_tried'];
}

/**
 * Both engines, their pools and the choice between them. Pools start lazily, with a document's
 * first page: a tesseract.js worker costs 1-2 s and ~100 MB, which start-up, tests that never OCR
 * and the quick start should not pay. Only the native binary is probed at start-up (`--version`,
 * a few ms), so `auto` knows at once whether it is there.
 */
@Injectable()
export class OcrEngines implements OnModuleInit, OnApplicationShutdown {
  readonly native: NativeTesseractEngine;
  readonly wasm: WasmTesseractEngine;
  readonly compareBelow: number;

  constructor(
    config: AppConfig,
    private readonly metrics: OcrMetrics,
  ) {
    const poolSize = config.get('OCR_POOL_SIZE');
    const pageTimeoutMs = config.get('OCR_PAGE_TIMEOUT_MS');
    this.native = new NativeTesseractEngine({ path: config.get('OCR_TESSERACT_PATH'), poolSize, pageTimeoutMs });
    this.wasm = new WasmTesseractEngine({
      poolSize,
      pageTimeoutMs,
      workerMaxPages: config.get('OCR_WORKER_MAX_PAGES'),
      workerMaxRssMb: config.get('OCR_WORKER_MAX_RSS_MB'),
    });
    this.compareBelow = config.get('OCR_COMPARE_BELOW');
  }

  async onModuleInit(): Promise<void> {
    await this.native.probe();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.native.close(), this.wasm.close()]);
  }

  /** The engines to use in order (first the chosen one, then the fallback); refuses what cannot run. */
  candidates(choice: EngineChoice, languages: string): OcrEngine[] {
    if (choice === 'native' && !this.native.available) throw ocrEngineUnavailable('native');
    const preferred: OcrEngine = choice === 'wasm' || !this.native.available ? this.wasm : this.native;
    const other: OcrEngine = preferred === this.native ? this.wasm : this.native;
    if (!preferred.supports(languages)) {
      const missing = languages.split('+').find((code) => !preferred.supports(code)) ?? languages;
      throw ocrLanguageUnavailable(missing, preferred.name);
    }
    return other.available && other.supports(languages) ? [preferred, other] : [preferred];
  }

  /** Native OSD when installed; undefined when nothing can tell. */
  detectOrientation(image: Buffer, signal?: AbortSignal): Promise<Orientation | undefined> {
    return this.native.available ? this.native.detectOrientation(image, signal) : Promise.resolve(undefined);
  }

  /**
   * The page on the first engine; the next takes over when it fails or times out; in `auto`, when
   * its confidence is below OCR_COMPARE_BELOW the other runs too and the more confident page wins.
   */
  async recognise(
    engines: OcrEngine[],
    compare: boolean,
    page: { png: Buffer; languages: string; dpi: number; source: PageMetricSource; number: number },
    signal?: AbortSignal,
  ): Promise<EngineRun> {
    const tried: OcrPage['engines_tried'] = [];
    let best: { engine: OcrEngineName; result: EngineResult } | undefined;
    for (const engine of engines) {
      if (best && !(compare && best.result.confidence < this.compareBelow)) break;
      const started = performance.now();
      try {
        const result = await engine.recognise(page.png, page.languages, page.dpi, signal);
        const ms = Math.round(performance.now() - started);
        this.metrics.page(engine.name, page.source, 'ok', ms, result.confidence);
        tried.push({ engine: engine.name, confidence: result.confidence, ms });
        if (!best || result.confidence > best.result.confidence) best = { engine: engine.name, result };
      } catch (error) {
        signal?.throwIfAborted();
        const ms = Math.round(performance.now() - started);
        const timedOut = error instanceof PoolTimeoutError;
        this.metrics.page(engine.name, page.source, timedOut ? 'timeout' : 'error', ms);
        tried.push({ engine: engine.name, confidence: 0, ms, error: timedOut ? 'timed out' : 'failed' });
      }
    }
    if (!best)
      throw ocrEnginesFailed(
        page.number,
        tried.map((t) => `${t.engine} ${t.error}`),
      );
    return { ...best, tried };
  }
}

import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../core/config/app-config.service.js';
import type { OcrEngine } from '../engines/ocr-engine.js';
import { OcrEngines } from '../engines/ocr-engines.service.js';
import {
  ocrCancelled,
  ocrLanguageUnavailable,
  ocrTooLarge,
  ocrTooManyPages,
  ocrTooManyPixels,
  ocrUnsupportedType,
} from '../ocr-pipeline.errors.js';
import type { OcrOptions, OcrPage, OcrPipeline, OcrResult, PageProgress } from '../ocr.types.js';
import { PdfDocument } from '../pdf/pdf-document.js';
import { readPdfTextPage } from '../pdf/pdf-pages.js';
import { weightedConfidence } from './confidence.js';
import { detectMediaType, type OcrMediaType } from './content-type.js';
import { OcrMetrics, type PageMetricSource } from './ocr-metrics.js';
import { PageRecogniser } from './page-recogniser.js';
import { imageHeader, type PreparedImage, prepareImage } from './preprocess.js';
import { judgeDocument } from './quality.js';
import { ResourceMeter } from './resource-usage.js';

const LANGUAGES = /^[a-z_]{3,16}(\+[a-z_]{3,16}){0,7}$/;

/** A page still to read: how to get its image, or its text straight from the PDF. */
type PageTask = (number: number) => Promise<OcrPage>;

/**
 * `OcrPipeline.recognise`: bytes in, text with confidence out. The file is judged by its content
 * and limits before any decoding; PDF pages with a usable text layer are read, the others rendered
 * and recognised like image pages, at most OCR_POOL_SIZE pages at once.
 */
@Injectable()
export class OcrPipelineService implements OcrPipeline {
  constructor(
    private readonly config: AppConfig,
    private readonly engines: OcrEngines,
    private readonly recogniser: PageRecogniser,
    private readonly metrics: OcrMetrics,
  ) {}

  async recognise(bytes: Buffer, options: OcrOptions, onPage?: PageProgress, signal?: AbortSignal): Promise<OcrResult> {
    const maxBytes = this.config.get('OCR_MAX_BYTES');
    if (bytes.length > maxBytes) throw ocrTooLarge(bytes.length, maxBytes);
    const mediaType = detectMediaType(bytes);
    if (!mediaType) throw ocrUnsupportedType();
    const languages = options.languages || this.config.get('OCR_LANGUAGES_DEFAULT');
    if (!LANGUAGES.test(languages)) throw ocrLanguageUnavailable(languages.slice(0, 40), options.engine);
    const meter = new ResourceMeter(() => this.engines.native.pids);
    const pdf = mediaType === 'application/pdf' ? await PdfDocument.open(bytes) : undefined;
    try {
      const { count, task } = pdf
        ? this.pdfPages(pdf, languages, options, signal)
        : await this.imagePages(bytes, mediaType, languages, options, signal);
      const maxPages = this.config.get('OCR_MAX_PAGES');
      if (count > maxPages) throw ocrTooManyPages(count, maxPages);
      const pages = await this.runPages(count, task, onPage, signal);
      return {
        sha256: createHash('sha256').update(bytes).digest('hex'),
        media_type: mediaType,
        page_count: count,
        text: pages.map((page) => page.text).join('\n\n'),
        confidence: weightedConfidence(pages),
        quality: judgeDocument(pages),
        pages,
        resources: meter.stop(),
      };
    } finally {
      meter.stop();
      await pdf?.close();
    }
  }

  /** Pages in order, OCR_POOL_SIZE at a time; progress reported as each one ends. */
  private async runPages(count: number, task: PageTask, onPage?: PageProgress, signal?: AbortSignal) {
    const pages: OcrPage[] = new Array(count);
    let next = 1;
    let done = 0;
    const lane = async () => {
      while (next <= count) {
        const number = next++;
        if (signal?.aborted) throw ocrCancelled();
        pages[number - 1] = await task(number);
        done += 1;
        await onPage?.(done, count, pages[number - 1]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(count, this.config.get('OCR_POOL_SIZE')) }, lane));
    return pages;
  }

  private async imagePages(
    bytes: Buffer,
    mediaType: OcrMediaType,
    languages: string,
    options: OcrOptions,
    signal?: AbortSignal,
  ) {
    const maxPixels = this.config.get('OCR_MAX_PIXELS');
    const header = await imageHeader(bytes, maxPixels);
    // The header's size, before a pixel is decoded: the decompression-bomb guard (sharp's
    // limitInputPixels checks every page again as it decodes).
    if (header.width * header.height > maxPixels) throw ocrTooManyPixels(maxPixels);
    const multiPage = mediaType === 'image/tiff' && header.pages > 1;
    const engines = this.enginesFor(languages, options);
    const task: PageTask = async (number) => {
      const started = performance.now();
      const image = await prepareImage(bytes, { page: multiPage ? number - 1 : undefined, maxPixels });
      return this.ocrPage(number, image, started, languages, engines, options, 'image', signal);
    };
    return { count: multiPage ? header.pages : 1, task };
  }

  private pdfPages(pdf: PdfDocument, languages: string, options: OcrOptions, signal?: AbortSignal) {
    const dpi = this.config.get('OCR_RENDER_DPI');
    const maxPixels = this.config.get('OCR_MAX_PIXELS');
    // Engines are chosen at the first scanned page: a born-digital PDF needs none.
    let engines: OcrEngine[] | undefined;
    const task: PageTask = async (number) => {
      const started = performance.now();
      const decision = await readPdfTextPage(pdf, number, dpi);
      if (decision.kind === 'text') {
        this.metrics.page('pdf_text', 'pdf_text', 'ok', decision.page.timings_ms.total, 100);
        return decision.page;
      }
      engines ??= this.enginesFor(languages, options);
      const rendered = await pdf.render(number, dpi, maxPixels);
      const image = await prepareImage(rendered, { maxPixels, knownDpi: dpi });
      image.steps.unshift(`rendered at ${dpi} dpi (${decision.reason})`);
      return this.ocrPage(number, image, started, languages, engines, options, 'pdf_scan', signal);
    };
    return { count: pdf.pageCount, task };
  }

  private enginesFor(languages: string, options: OcrOptions): OcrEngine[] {
    return this.engines.candidates(options.engine || this.config.get('OCR_ENGINE_DEFAULT'), languages);
  }

  private ocrPage(
    number: number,
    image: PreparedImage,
    started: number,
    languages: string,
    engines: OcrEngine[],
    options: OcrOptions,
    source: PageMetricSource,
    signal?: AbortSignal,
  ): Promise<OcrPage> {
    const preprocessMs = Math.round(performance.now() - started);
    const compare = (options.engine || this.config.get('OCR_ENGINE_DEFAULT')) === 'auto';
    return this.recogniser.recognise({ number, image, preprocessMs, languages, engines, compare, source, signal });
  }
}

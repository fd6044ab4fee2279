import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { createWorker, type Worker } from 'tesseract.js';
import { DomainException } from '../../core/errors/domain.exception.js';
import { withTimeout } from '../../core/timeout.js';
import { OcrApiErrorCode } from '../ocr-api.errors.js';
import type { OcrLine, OcrOptions, OcrPage, OcrPipeline, OcrResult, PageProgress, PageQuality } from '../ocr.types.js';
import { requireMediaType } from './document-type.js';

// Replaced by the pipeline part on merge: it binds OCR_PIPELINE and this class is no longer used.
// A minimal but real pipeline so that the API and the robot run real OCR until then: tesseract.js
// on images (one worker, one page at a time), the PDF text layer through pdfjs, nothing more.

const WORKER_START_MS = 30_000;
const PAGE_MS = 60_000;
/** Pixels of one page: a decompression bomb is refused before it is decoded (sharp's limitInputPixels). */
const MAX_PIXELS = 100_000_000;
const DATA_PACKAGES = ['eng', 'spa'];

const unreadable = (reason: string) =>
  new DomainException(OcrApiErrorCode.UnreadableDocument, `The document cannot be read: ${reason}.`);

function qualityOf(confidence: number, hasText: boolean): PageQuality {
  if (!hasText) return { verdict: 'poor', reasons: ['no text found'] };
  if (confidence >= 85) return { verdict: 'good', reasons: [] };
  return {
    verdict: confidence >= 60 ? 'acceptable' : 'poor',
    reasons: ['low recognition confidence: rescan at 300 dpi'],
  };
}

export class DevOcrPipeline implements OcrPipeline, OnModuleDestroy {
  private readonly logger = new Logger(DevOcrPipeline.name);
  private worker?: Promise<Worker>;
  private workerLanguages?: string;
  /** tesseract.js hangs on concurrent recognize calls on one worker (#875): pages queue here. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  async recognise(bytes: Buffer, options: OcrOptions, onPage?: PageProgress, signal?: AbortSignal) {
    const started = Date.now();
    const cpu = process.cpuUsage();
    const mediaType = requireMediaType(bytes);
    const pages =
      mediaType === 'application/pdf'
        ? await this.pdfPages(bytes, onPage, signal)
        : await this.imagePages(bytes, options, onPage, signal);
    const text = pages.map((p) => p.text).join('\n\n');
    const weight = pages.reduce((sum, p) => sum + p.text.length, 0);
    const confidence =
      weight === 0 ? 0 : Math.round(pages.reduce((sum, p) => sum + p.confidence * p.text.length, 0) / weight);
    const used = process.cpuUsage(cpu);
    const result: OcrResult = {
      sha256: '',
      media_type: mediaType,
      page_count: pages.length,
      text,
      confidence,
      quality: qualityOf(confidence, weight > 0),
      pages,
      resources: {
        cpu_ms: Math.round((used.user + used.system) / 1000),
        peak_memory_mb: Math.round(process.memoryUsage.rss() / 1024 / 1024),
        duration_ms: Date.now() - started,
      },
    };
    return result;
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await (await worker?.catch(() => undefined))?.terminate();
  }

  private async imagePages(bytes: Buffer, options: OcrOptions, onPage?: PageProgress, signal?: AbortSignal) {
    const count = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .metadata()
      .then((m) => m.pages ?? 1)
      .catch((error: Error) => Promise.reject(unreadable(error.message)));
    const pages: OcrPage[] = [];
    for (let index = 0; index < count; index++) {
      signal?.throwIfAborted();
      const t0 = Date.now();
      const image = await sharp(bytes, { page: index, limitInputPixels: MAX_PIXELS })
        .grayscale()
        .png()
        .toBuffer({ resolveWithObject: true })
        .catch((error: Error) => Promise.reject(unreadable(error.message)));
      const t1 = Date.now();
      const data = await this.recognisePng(image.data, options.languages);
      const lines: OcrLine[] = (data.blocks ?? []).flatMap((b) =>
        b.paragraphs.flatMap((p) =>
          p.lines.map((l) => ({
            text: l.text.trim(),
            confidence: Math.round(l.confidence),
            box: l.bbox,
            words: l.words.map((w) => ({ text: w.text, confidence: Math.round(w.confidence), box: w.bbox })),
          })),
        ),
      );
      const text = data.text.trim();
      const confidence = Math.round(data.confidence);
      const recognise = Date.now() - t1;
      const page: OcrPage = {
        page_number: index + 1,
        source: 'wasm',
        text,
        confidence,
        rotation_applied: 0,
        preprocessing: ['grayscale'],
        lines,
        quality: qualityOf(confidence, text.length > 0),
        engines_tried: [{ engine: 'wasm', confidence, ms: recognise }],
        timings_ms: { preprocess: t1 - t0, recognise, total: Date.now() - t0 },
        width: image.info.width,
        height: image.info.height,
      };
      pages.push(page);
      await onPage?.(index + 1, count, page);
    }
    return pages;
  }

  private async pdfPages(bytes: Buffer, onPage?: PageProgress, signal?: AbortSignal) {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const loading = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
    const document = await loading.promise.catch((error: Error) =>
      Promise.reject(unreadable(error.name === 'PasswordException' ? 'the PDF is encrypted' : error.message)),
    );
    try {
      const pages: OcrPage[] = [];
      for (let number = 1; number <= document.numPages; number++) {
        signal?.throwIfAborted();
        const t0 = Date.now();
        const pdfPage = await document.getPage(number);
        const content = await pdfPage.getTextContent();
        const text = content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
          .join('')
          .replace(/[ \t]+\n/g, '\n')
          .trim();
        const viewport = pdfPage.getViewport({ scale: 1 });
        const confidence = text.length > 0 ? 100 : 0;
        const ms = Date.now() - t0;
        const page: OcrPage = {
          page_number: number,
          source: 'pdf_text',
          text,
          confidence,
          rotation_applied: 0,
          preprocessing: [],
          lines: [],
          quality: qualityOf(confidence, text.length > 0),
          engines_tried: [{ engine: 'pdf_text', confidence, ms }],
          timings_ms: { preprocess: 0, recognise: ms, total: ms },
          width: Math.round(viewport.width),
          height: Math.round(viewport.height),
        };
        pages.push(page);
        await onPage?.(number, document.numPages, page);
      }
      return pages;
    } finally {
      await loading.destroy();
    }
  }

  private recognisePng(png: Buffer, languages: string) {
    const run = this.queue.then(async () => {
      const worker = await this.workerFor(languages);
      try {
        return (
          await withTimeout(worker.recognize(png, {}, { text: true, blocks: true }), PAGE_MS, 'tesseract.js page')
        ).data;
      } catch (error) {
        // A hung or broken worker is dropped, so the robot's retry starts a fresh one.
        await this.onModuleDestroy();
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async workerFor(languages: string): Promise<Worker> {
    if (this.worker && this.workerLanguages !== languages) {
      await (await this.worker).reinitialize(languages);
      this.workerLanguages = languages;
    }
    this.worker ??= this.startWorker(languages).catch((error: unknown) => {
      this.worker = undefined;
      throw error;
    });
    this.workerLanguages = languages;
    return this.worker;
  }

  private async startWorker(languages: string): Promise<Worker> {
    const langPath = await this.languageFolder();
    return withTimeout(
      createWorker(languages, 1, {
        langPath,
        cacheMethod: 'none',
        gzip: true,
        errorHandler: (error: unknown) => this.logger.warn(`tesseract.js worker: ${String(error)}`),
      }),
      WORKER_START_MS,
      'tesseract.js worker start',
    );
  }

  /** tesseract.js reads `eng+spa` from one folder: both packages' files are copied into DATA_DIR once. */
  private async languageFolder(): Promise<string> {
    const folder = join(this.dataDir, 'tessdata');
    await mkdir(folder, { recursive: true });
    const require = createRequire(import.meta.url);
    for (const name of DATA_PACKAGES) {
      const file = `${name}.traineddata.gz`;
      const target = join(folder, file);
      if (await stat(target).catch(() => null)) continue;
      const source = join(dirname(require.resolve(`@tesseract.js-data/${name}/package.json`)), '4.0.0_best_int', file);
      await copyFile(source, `${target}.tmp`);
      await rename(`${target}.tmp`, target);
    }
    return folder;
  }
}

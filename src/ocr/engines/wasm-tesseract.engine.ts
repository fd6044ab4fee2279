import { Logger } from '@nestjs/common';
import Tesseract from 'tesseract.js';
import { BoundedPool } from './bounded-pool.js';
import { type EngineResult, type OcrEngine, PAGE_SEGMENTATION_MODE, type PageLayout } from './ocr-engine.js';
import { fromTesseractJsBlocks } from './tesseract-js-blocks.js';
import { LanguageFolder, languageDataPath, WASM_LANGUAGES } from './tesseract-js-data.js';

export interface WasmEngineOptions {
  poolSize: number;
  pageTimeoutMs: number;
  workerMaxPages: number;
  workerMaxRssMb: number;
}

interface PooledWorker {
  worker: Tesseract.Worker;
  languages: string;
}

// Loading the WASM core and two language models takes 1-2 s here; a worker that takes longer is stuck
// (a missing language with an errorHandler makes createWorker hang, TESTING.md "OCR").
const CREATE_TIMEOUT_MS = 30_000;
const LSTM_ONLY = 1;

/**
 * tesseract.js 7 in worker threads, one page per worker at a time, always available. Workers grow
 * without bound (tesseract.js #1045, #900): each is replaced after `workerMaxPages` pages or when
 * the process RSS passes `workerMaxRssMb`.
 */
export class WasmTesseractEngine implements OcrEngine {
  readonly name = 'wasm' as const;
  readonly available = true;
  private readonly logger = new Logger(WasmTesseractEngine.name);
  private readonly pool: BoundedPool<PooledWorker>;
  /** Workers created since start (recycling shows here). */
  created = 0;
  private folder?: LanguageFolder;

  constructor(private readonly options: WasmEngineOptions) {
    this.pool = new BoundedPool<PooledWorker>({
      size: options.poolSize,
      timeoutMs: options.pageTimeoutMs,
      create: () => this.createWorker('eng'),
      destroy: async ({ worker }) => {
        await worker.terminate().catch(() => undefined);
      },
      retire: (_worker, uses) =>
        uses >= options.workerMaxPages || process.memoryUsage.rss() > options.workerMaxRssMb * 1024 * 1024,
    });
  }

  supports(languages: string): boolean {
    return languages
      .split('+')
      .every((code) => (WASM_LANGUAGES as readonly string[]).includes(code) && languageDataPath(code) !== undefined);
  }

  recognise(
    image: Buffer,
    languages: string,
    dpi: number,
    signal?: AbortSignal,
    layout: PageLayout = 'auto',
  ): Promise<EngineResult> {
    return this.pool.run(async (pooled) => {
      if (pooled.languages !== languages) {
        await pooled.worker.reinitialize(languages, LSTM_ONLY);
        pooled.languages = languages;
      }
      await pooled.worker.setParameters({
        user_defined_dpi: String(Math.round(dpi)),
        // Said on every page: tesseract.js defaults to one uniform block (PSM 6), which reads a
        // multi-column page straight across its columns (77 % CER on the UNLV page, 2.7 % with AUTO).
        tessedit_pageseg_mode: PAGE_SEGMENTATION_MODE[layout] as Tesseract.PSM,
      });
      const { data } = await pooled.worker.recognize(image, {}, { blocks: true, text: false });
      return fromTesseractJsBlocks(data.blocks);
    }, signal);
  }

  async close(): Promise<void> {
    await this.pool.close();
    this.folder?.remove();
  }

  private async createWorker(languages: string): Promise<PooledWorker> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('tesseract.js worker did not start')), CREATE_TIMEOUT_MS);
    });
    try {
      const worker = await Promise.race([
        Tesseract.createWorker(languages, LSTM_ONLY, {
          langPath: (this.folder ??= new LanguageFolder(WASM_LANGUAGES)).path,
          gzip: true,
          // Without it tesseract.js writes eng.traineddata into the working directory.
          cacheMethod: 'none',
          // Without it a bad image throws inside the worker thread and takes the process down.
          errorHandler: (error: unknown) =>
            this.logger.warn(`tesseract.js worker error: ${String(error).slice(0, 200)}`),
        }),
        timeout,
      ]);
      this.created += 1;
      return { worker, languages };
    } finally {
      clearTimeout(timer);
    }
  }
}

import { Logger } from '@nestjs/common';
import { BoundedPool } from './bounded-pool.js';
import { runProgram, type RunOptions } from './child-process-run.js';
import {
  type EngineResult,
  type OcrEngine,
  type Orientation,
  PAGE_SEGMENTATION_MODE,
  type PageLayout,
} from './ocr-engine.js';
import { parseTesseractTsv } from './tesseract-tsv.js';

export interface NativeEngineOptions {
  path: string;
  poolSize: number;
  pageTimeoutMs: number;
}

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Tesseract 5's CLI, one process per page and at most one per core. OMP_THREAD_LIMIT=1: with
 * OpenMP each process would start a thread per core and N processes oversubscribe the machine
 * (tesseract #263; about 3x slower on 2 cores here).
 */
export class NativeTesseractEngine implements OcrEngine {
  readonly name = 'native' as const;
  private readonly logger = new Logger(NativeTesseractEngine.name);
  private readonly env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  private readonly pool: BoundedPool<true>;
  private readonly running = new Set<number>();
  private languages = new Set<string>();
  available = false;

  constructor(private readonly options: NativeEngineOptions) {
    this.pool = new BoundedPool<true>({
      size: options.poolSize,
      timeoutMs: options.pageTimeoutMs,
      // The process is the resource and lives for one page: the slot only bounds how many run.
      create: () => Promise.resolve(true),
      destroy: () => Promise.resolve(),
    });
  }

  /** Whether the binary runs (`--version`) and which languages it has; nothing is thrown when absent. */
  async probe(): Promise<void> {
    try {
      const version = await runProgram(this.options.path, ['--version'], {
        env: this.env,
        timeoutMs: PROBE_TIMEOUT_MS,
      });
      const langs = await runProgram(this.options.path, ['--list-langs'], {
        env: this.env,
        timeoutMs: PROBE_TIMEOUT_MS,
      });
      this.available = version.code === 0 && /tesseract\s+[45]\./i.test(version.stdout + version.stderr);
      this.languages = new Set(
        langs.stdout
          .split('\n')
          .slice(1)
          .map((l) => l.trim())
          .filter((l) => /^[a-z_]+$/i.test(l)),
      );
    } catch {
      this.available = false;
    }
    this.logger.log(
      this.available
        ? `native Tesseract found (languages: ${[...this.languages].join(', ')})`
        : 'native Tesseract not found: tesseract.js only',
    );
  }

  /** Process ids running now, so memory sampling can count them. */
  get pids(): number[] {
    return [...this.running];
  }

  supports(languages: string): boolean {
    return this.available && languages.split('+').every((l) => this.languages.has(l));
  }

  recognise(
    image: Buffer,
    languages: string,
    dpi: number,
    signal?: AbortSignal,
    layout: PageLayout = 'auto',
  ): Promise<EngineResult> {
    return this.pool.run(async (_slot, jobSignal) => {
      const psm = PAGE_SEGMENTATION_MODE[layout];
      const args = ['stdin', 'stdout', '-l', languages, '--dpi', String(Math.round(dpi)), '--psm', psm, 'tsv'];
      const result = await runProgram(this.options.path, args, this.runOptions(image, jobSignal));
      if (result.code !== 0) throw new Error(`tesseract exited with ${result.code}`);
      return parseTesseractTsv(result.stdout);
    }, signal);
  }

  /** Tesseract's OSD (`--psm 0`, needs osd.traineddata); undefined when it cannot tell (too little text). */
  async detectOrientation(image: Buffer, signal?: AbortSignal): Promise<Orientation | undefined> {
    if (!this.languages.has('osd')) return undefined;
    return this.pool.run(async (_slot, jobSignal) => {
      const result = await runProgram(
        this.options.path,
        ['stdin', 'stdout', '--psm', '0'],
        this.runOptions(image, jobSignal),
      );
      const rotate = /Rotate:\s*(\d+)/.exec(result.stdout)?.[1];
      const confidence = Number(/Orientation confidence:\s*([\d.]+)/.exec(result.stdout)?.[1] ?? NaN);
      if (result.code !== 0 || rotate === undefined || !Number.isFinite(confidence)) return undefined;
      const degrees = Number(rotate) % 360;
      return [0, 90, 180, 270].includes(degrees)
        ? { degrees: degrees as Orientation['degrees'], confidence }
        : undefined;
    }, signal);
  }

  async close(): Promise<void> {
    await this.pool.close();
    for (const pid of this.running) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }

  private runOptions(image: Buffer, signal: AbortSignal): RunOptions {
    return {
      input: image,
      env: this.env,
      signal,
      onSpawn: (pid) => this.running.add(pid),
      onExit: (pid) => this.running.delete(pid),
    };
  }
}

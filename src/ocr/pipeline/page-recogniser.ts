import { Injectable } from '@nestjs/common';
import type { EngineResult, OcrEngine } from '../engines/ocr-engine.js';
import { type EngineRun, OcrEngines } from '../engines/ocr-engines.service.js';
import type { OcrPage } from '../ocr.types.js';
import type { PageMetricSource } from './ocr-metrics.js';
import { downscalePng, type PreparedImage, rotatePng } from './preprocess.js';
import { estimateSkewDegrees, judgePage } from './quality.js';

// Tesseract's OSD confidence runs 0-30ish; under 1.5 its guesses are often wrong on sparse pages.
const OSD_MIN_CONFIDENCE = 1.5;
// Without OSD a trial rotation must beat upright by this many confidence points to be believed.
const TRIAL_MARGIN = 10;
// Re-recognising a page costs a full pass: only clearly skewed pages are straightened.
const DESKEW_DEGREES = 1.5;
const RIGHT_ANGLES = [90, 180, 270] as const;

export interface PageJob {
  number: number;
  image: PreparedImage;
  preprocessMs: number;
  languages: string;
  engines: OcrEngine[];
  compare: boolean;
  source: PageMetricSource;
  signal?: AbortSignal;
}

/** One page image through orientation, the engines, deskew and the quality verdict. */
@Injectable()
export class PageRecogniser {
  constructor(private readonly engines: OcrEngines) {}

  async recognise(job: PageJob): Promise<OcrPage> {
    const started = performance.now();
    const steps = [...job.image.steps];
    let { png, width, height } = job.image;
    let rotation: OcrPage['rotation_applied'] = 0;

    const orientation = await this.engines.detectOrientation(png, job.signal).catch(() => undefined);
    if (orientation && orientation.degrees !== 0 && orientation.confidence >= OSD_MIN_CONFIDENCE) {
      ({ png, width, height } = await rotatePng(png, orientation.degrees, job.image.dpi));
      rotation = orientation.degrees;
      steps.push(`rotate ${rotation} (orientation detection)`);
    }
    let run = await this.run(job, png);

    if (orientation === undefined && this.doubtful(run.result)) {
      const trial = await this.trialRotation(job, png, width, run.engine);
      if (trial !== 0) {
        const turned = await rotatePng(png, trial, job.image.dpi);
        const again = await this.run(job, turned.png);
        if (again.result.confidence > run.result.confidence) {
          run = { ...again, tried: [...run.tried, ...again.tried] };
          ({ png, width, height } = turned);
          rotation = trial;
          steps.push(`rotate ${trial} (trial recognition, no orientation data)`);
        }
      }
    }

    const skew = estimateSkewDegrees(run.result.lines);
    if (skew !== undefined && Math.abs(skew) >= DESKEW_DEGREES) {
      const straight = await rotatePng(png, -skew, job.image.dpi);
      const again = await this.run(job, straight.png);
      if (again.result.confidence > run.result.confidence) {
        run = { ...again, tried: [...run.tried, ...again.tried] };
        // The page's size is that of the image its boxes are on: the straightened, larger canvas.
        ({ width, height } = straight);
        steps.push(`deskew ${-skew}°`);
      }
    }

    const recogniseMs = Math.round(performance.now() - started);
    return {
      page_number: job.number,
      source: run.engine,
      text: run.result.text,
      confidence: run.result.confidence,
      rotation_applied: rotation,
      preprocessing: steps,
      lines: run.result.lines,
      quality: judgePage({
        confidence: run.result.confidence,
        text: run.result.text,
        sourceDpi: job.image.sourceDpi,
        skew,
        contrast: job.image.contrast,
      }),
      engines_tried: run.tried,
      timings_ms: { preprocess: job.preprocessMs, recognise: recogniseMs, total: job.preprocessMs + recogniseMs },
      width,
      height,
    };
  }

  private run(job: PageJob, png: Buffer): Promise<EngineRun> {
    const page = { png, languages: job.languages, dpi: job.image.dpi, source: job.source, number: job.number };
    return this.engines.recognise(job.engines, job.compare, page, job.signal);
  }

  private doubtful(result: EngineResult): boolean {
    return result.confidence < this.engines.compareBelow || result.text.replace(/\s/g, '').length < 20;
  }

  /**
   * Without Tesseract's OSD data (tesseract.js only): the same engine reads a half-size copy at 0,
   * 90, 180 and 270 degrees and the most confident turn wins, if clearly. About one extra page of
   * work, spent only on pages that read badly upright.
   */
  private async trialRotation(
    job: PageJob,
    png: Buffer,
    width: number,
    engineName: string,
  ): Promise<0 | 90 | 180 | 270> {
    const engine = job.engines.find((e) => e.name === engineName) ?? job.engines[0];
    const small = await downscalePng(png, width);
    const score = async (degrees: number) => {
      const turned = degrees === 0 ? small : (await rotatePng(small, degrees, job.image.dpi / 2)).png;
      const result = await engine
        .recognise(turned, job.languages, job.image.dpi / 2, job.signal, 'block')
        .catch(() => undefined);
      return result ? result.confidence * Math.min(1, result.text.length / 50) : 0;
    };
    const upright = await score(0);
    let best: { degrees: 0 | 90 | 180 | 270; score: number } = { degrees: 0, score: upright };
    for (const degrees of RIGHT_ANGLES) {
      const s = await score(degrees);
      if (s > best.score) best = { degrees, score: s };
    }
    return best.degrees !== 0 && best.score >= upright + TRIAL_MARGIN ? best.degrees : 0;
  }
}

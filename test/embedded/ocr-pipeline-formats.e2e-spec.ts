import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OcrPage } from '../../src/ocr/ocr.types.js';
import { estimateSkewDegrees } from '../../src/ocr/pipeline/quality.js';
import { characterErrorRate } from '../../src/ocr/pipeline/text-accuracy.js';
import { groundTruth, ocrFixture, type PipelineApp, startPipeline } from '../support/ocr-pipeline-app.js';

// Pages derived from the tesseract-ocr/test scans by test/fixtures/ocr/derived/make.mjs (see its
// README): phototest turned 4°, a 2-page TIFF (phototest, eurotext), eurotext as lossless WebP.
const options = { languages: 'eng+spa', engine: 'auto' as const };
const engines = ['auto', 'wasm'] as const;

/** CER of one page against its ground truth, printed so a CI log shows the figures. */
const pageCer = (name: string, page: OcrPage, truth: string) => {
  const cer = characterErrorRate(groundTruth(truth), page.text);
  // eslint-disable-next-line no-console -- the measured CER belongs in the CI log
  console.log(
    `${name}: ${page.source} CER ${(cer * 100).toFixed(2)} % conf ${page.confidence} ${page.timings_ms.total} ms`,
  );
  return cer;
};

/** The angle of the `deskew <degrees>°` step, when the page was straightened. */
const deskewApplied = (page: OcrPage): number | undefined => {
  const step = page.preprocessing.find((s) => s.startsWith('deskew '));
  return step === undefined ? undefined : Number(/^deskew (-?\d+(?:\.\d+)?)°$/.exec(step)?.[1]);
};

describe('OCR pipeline on derived pages: a skewed page, a multi-page TIFF, WebP', () => {
  let ocr: PipelineApp;
  beforeAll(async () => {
    ocr = await startPipeline({ OCR_POOL_SIZE: '2' });
  });
  afterAll(() => ocr.app.close());

  // Measured here: CER 0.00 % with both engines (native 0.8 s, tesseract.js 1.4-1.9 s with its worker's start),
  // the straightening measured at 4.2-4.3°.
  it.each(engines)('straightens phototest turned 4° and says by how much (engine %s)', async (engine) => {
    const result = await ocr.pipeline.recognise(ocrFixture('derived/phototest-skew4.png'), { ...options, engine });
    const [page] = result.pages;
    expect(pageCer(`phototest-skew4 (${engine})`, page, 'phototest')).toBeLessThanOrEqual(0.03);
    expect(page.source).toBe(engine === 'wasm' ? 'wasm' : 'native');
    // Turned clockwise, so straightened anticlockwise; the skew measured on the first pass is recorded.
    const applied = deskewApplied(page);
    expect(applied).toBeGreaterThanOrEqual(-5);
    expect(applied).toBeLessThanOrEqual(-3);
    expect(page.quality.skew_degrees).toBeCloseTo(-applied!, 5);
    expect(page.rotation_applied).toBe(0);
    // Two passes, the straightened one kept because it read more confidently.
    expect(page.engines_tried).toHaveLength(2);
    expect(page.confidence).toBe(page.engines_tried[1].confidence);
    expect(page.confidence).toBeGreaterThan(page.engines_tried[0].confidence);
    // The boxes are on the straightened image: its lines are level, and the page's size is that
    // image's, the 672 x 523 scan's canvas grown to hold its turned corners.
    expect(Math.abs(estimateSkewDegrees(page.lines)!)).toBeLessThan(1);
    const radians = (Math.abs(applied!) * Math.PI) / 180;
    expect(Math.abs(page.width - (672 * Math.cos(radians) + 523 * Math.sin(radians)))).toBeLessThanOrEqual(2);
    expect(Math.abs(page.height - (523 * Math.cos(radians) + 672 * Math.sin(radians)))).toBeLessThanOrEqual(2);
  });

  // Measured here: page 1 CER 0.00 %, page 2 1.70 % (native, 0.9-1.6 s for both pages two at a time).
  it('reads a 2-page TIFF as two pages in order, each with its own text, reporting each page', async () => {
    const progress: Array<{ done: number; total: number; page?: number }> = [];
    const result = await ocr.pipeline.recognise(ocrFixture('derived/photo-euro.tif'), options, (done, total, page) => {
      progress.push({ done, total, page: page?.page_number });
    });
    expect(result).toMatchObject({ media_type: 'image/tiff', page_count: 2 });
    expect(result.pages.map((p) => p.page_number)).toEqual([1, 2]);
    const [photo, euro] = result.pages;
    expect(pageCer('photo-euro.tif page 1', photo, 'phototest')).toBeLessThanOrEqual(0.03);
    expect(pageCer('photo-euro.tif page 2', euro, 'eurotext')).toBeLessThanOrEqual(0.04);
    // Neither page carries the other's text.
    expect(photo.text).not.toContain('zorro');
    expect(euro.text).not.toContain('lazy fox');
    expect(result.text.indexOf('lazy fox')).toBeLessThan(result.text.indexOf('El zorro'));
    for (const page of result.pages) expect(page).toMatchObject({ width: 1024, height: 800, quality: { dpi: 300 } });
    // One report per page as it ends (two run at once, so either may end first).
    expect(progress.map(({ done, total }) => [done, total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(progress.map((p) => p.page).sort()).toEqual([1, 2]);
  });

  // Measured here: CER 1.70 % native (0.8 s), 0.97 % tesseract.js (0.9 s).
  it.each(engines)('decodes lossless WebP and reads eurotext (engine %s)', async (engine) => {
    const result = await ocr.pipeline.recognise(ocrFixture('derived/eurotext.webp'), { ...options, engine });
    const [page] = result.pages;
    expect(result).toMatchObject({ media_type: 'image/webp', page_count: 1 });
    expect(page).toMatchObject({ source: engine === 'wasm' ? 'wasm' : 'native', width: 1024, height: 800 });
    expect(pageCer(`eurotext.webp (${engine})`, page, 'eurotext')).toBeLessThanOrEqual(0.04);
    expect(page.text).toContain('El zorro');
    // WebP records no resolution: none is claimed, and the page is not resized for one.
    expect(page.quality.dpi).toBeUndefined();
    expect(page.preprocessing.some((step) => step.startsWith('upscale'))).toBe(false);
  });
});

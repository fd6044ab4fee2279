import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { DomainException } from '../../src/core/errors/domain.exception.js';
import { statusOf } from '../../src/core/errors/error-catalogue.js';
import { bombPng, ocrFixture, type PipelineApp, startPipeline } from '../support/ocr-pipeline-app.js';
import { pdfOfJpegs } from '../support/pdf-writer.js';

const options = { languages: 'eng+spa', engine: 'auto' as const };

/** The code and status a hostile file gets, and that it was refused quickly (no hung worker). */
async function refusal(ocr: PipelineApp, bytes: Buffer, extra: Partial<typeof options> = {}) {
  const started = performance.now();
  const error = await ocr.pipeline.recognise(bytes, { ...options, ...extra }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainException);
  const { code, detail } = error as DomainException;
  // Our words only: no library message, path or stack reaches a client.
  expect(detail).not.toMatch(/vips|pdf\.js|node_modules|\/tmp|at \w+ \(/i);
  return { code, status: statusOf(code), detail, ms: performance.now() - started };
}

describe('OCR pipeline: hostile and bad files are refused with the reason, never a crash', () => {
  let ocr: PipelineApp;
  let blankJpeg: Buffer;
  beforeAll(async () => {
    ocr = await startPipeline({ OCR_MAX_BYTES: '1000000', OCR_MAX_PAGES: '2', OCR_POOL_SIZE: '1' });
    blankJpeg = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#fff' } })
      .greyscale()
      .jpeg()
      .toBuffer();
  });
  afterAll(() => ocr.app.close());

  it('judges the type by content: a text file or an executable named .png is not an image', async () => {
    expect(await refusal(ocr, Buffer.from('MZ\x90\x00 this is an exe'))).toMatchObject({
      code: 'OCR_UNSUPPORTED_TYPE',
      status: 422,
    });
    expect((await refusal(ocr, Buffer.from('GIF89a....'))).code).toBe('OCR_UNSUPPORTED_TYPE');
  });

  it('refuses a file over OCR_MAX_BYTES before reading it', async () => {
    const big = Buffer.concat([ocrFixture('tesseract-test/phototest.tif'), Buffer.alloc(1_000_000)]);
    expect(await refusal(ocr, big)).toMatchObject({ code: 'OCR_TOO_LARGE', status: 413 });
  });

  it('refuses a decompression bomb (a tiny PNG declaring 50,000 x 50,000 pixels) from its header', async () => {
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(60_000);
    const result = await refusal(ocr, bomb);
    expect(result).toMatchObject({ code: 'OCR_TOO_MANY_PIXELS', status: 422 });
    expect(result.ms).toBeLessThan(1_000);
  });

  it.each([
    ['a truncated TIFF', () => ocrFixture('tesseract-test/phototest.tif').subarray(0, 20_000)],
    ['a TIFF cut inside its header', () => ocrFixture('tesseract-test/phototest.tif').subarray(0, 6)],
    ['a truncated PDF', () => ocrFixture('invoices/AzureInterior.pdf').subarray(0, 2_000)],
    ['a PDF header and nothing else', () => Buffer.from('%PDF-1.7\n')],
  ])('refuses %s as corrupt', async (_what, bytes) => {
    expect(await refusal(ocr, bytes())).toMatchObject({ code: 'OCR_CORRUPT', status: 422 });
  });

  it('refuses a password-protected PDF', async () => {
    const encrypted = pdfOfJpegs([{ jpeg: blankJpeg, width: 200, height: 100, dpi: 100 }], true);
    expect(await refusal(ocr, encrypted)).toMatchObject({ code: 'OCR_ENCRYPTED', status: 422 });
  });

  it('refuses more pages than OCR_MAX_PAGES before reading any', async () => {
    const page = { jpeg: blankJpeg, width: 200, height: 100, dpi: 100 };
    const result = await refusal(ocr, pdfOfJpegs([page, page, page]));
    expect(result).toMatchObject({ code: 'OCR_TOO_MANY_PAGES', status: 422 });
    expect(result.detail).toContain('3 pages; at most 2');
  });

  it('refuses a language neither engine has, and a malformed language list', async () => {
    const tif = ocrFixture('tesseract-test/phototest.tif');
    expect(await refusal(ocr, tif, { languages: 'eng+klingon' })).toMatchObject({
      code: 'OCR_LANGUAGE_UNAVAILABLE',
      status: 422,
    });
    expect((await refusal(ocr, tif, { languages: '../../etc/passwd' })).code).toBe('OCR_LANGUAGE_UNAVAILABLE');
  });
});

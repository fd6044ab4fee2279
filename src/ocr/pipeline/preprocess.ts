import sharp, { type Sharp } from 'sharp';
import { OcrInputError, ocrCorrupt, ocrTooManyPixels } from '../ocr-pipeline.errors.js';

/** Tesseract reads best at 300 dpi; below 200 small print breaks up (its own documentation). */
export const MIN_GOOD_DPI = 200;
const TARGET_DPI = 300;
const MAX_UPSCALE = 3;
// Without a recorded resolution a small image is assumed to be a low-resolution scan or a screenshot.
const SMALL_IMAGE_PX = 1000;
// Standard deviation of the gray levels below which a page is washed out (a page with 5 % black
// text on white has about 55).
export const LOW_CONTRAST_STDEV = 20;

export interface PreparedImage {
  png: Buffer;
  width: number;
  height: number;
  /** The resolution the engine is told (after upscaling). */
  dpi: number;
  /** The resolution the file itself recorded, when it did. */
  sourceDpi?: number;
  contrast: number;
  steps: string[];
}

/** Any sharp/libvips failure as a 422 naming what could not be read (never the library's message). */
export function asInputError(error: unknown, what: string, maxPixels: number): Error {
  if (error instanceof OcrInputError) return error;
  const message = error instanceof Error ? error.message : '';
  if (/pixel limit/i.test(message)) return ocrTooManyPixels(maxPixels);
  return ocrCorrupt(`${what} is damaged or truncated`);
}

/**
 * A one-channel PNG at `dpi`. sharp writes sRGB (three channels) unless told `b-w`, and
 * `withMetadata()` converts to sRGB too: a third of the bytes for the engines to decode. Fast
 * compression: the engines decode it again at once.
 */
function grayPng(image: Sharp, dpi?: number): Promise<Buffer> {
  const png = image.toColourspace('b-w').png({ compressionLevel: 1 });
  return (dpi === undefined ? png : png.withDensity(dpi)).toBuffer();
}

/** Width, height and page count from the header, without decoding the pixels. */
export async function imageHeader(
  bytes: Buffer,
  maxPixels: number,
): Promise<{ width: number; height: number; pages: number }> {
  try {
    const meta = await sharp(bytes).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
    return { width: meta.width, height: meta.height, pages: meta.pages ?? 1 };
  } catch (error) {
    throw asInputError(error, 'the image', maxPixels);
  }
}

// The gray levels stretched to full range are those between these percentiles: a few dark specks
// or a black scanner border must not decide the stretch (sharp's `normalise()` uses the same).
const STRETCH_LOW_PERCENTILE = 0.01;
const STRETCH_HIGH_PERCENTILE = 0.99;

/** Standard deviation and the stretch percentiles of 8-bit gray pixels, from one pass over them. */
export function grayLevels(pixels: Uint8Array): { stdev: number; low: number; high: number } {
  const histogram = new Float64Array(256);
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]] += 1;
  let sum = 0;
  let squares = 0;
  for (let v = 0; v < 256; v++) {
    sum += v * histogram[v];
    squares += v * v * histogram[v];
  }
  const n = Math.max(1, pixels.length);
  const mean = sum / n;
  const percentile = (share: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen >= share * n) return v;
    }
    return 255;
  };
  return {
    stdev: Math.sqrt(Math.max(0, squares / n - mean * mean)),
    low: percentile(STRETCH_LOW_PERCENTILE),
    high: percentile(STRETCH_HIGH_PERCENTILE),
  };
}

/**
 * One page as the engines want it: upright by EXIF, alpha flattened onto white, gray, contrast
 * stretched between the 1st and 99th percentile of its gray levels, small text upscaled towards
 * 300 dpi. The page is decoded once: the histogram comes from the gray pixels themselves (sharp's
 * `stats()` and `normalise()` would each decode the file again, ~0.7 s on a 300 dpi page). Every
 * step applied is named in `steps`.
 */
export async function prepareImage(
  bytes: Buffer,
  options: { page?: number; maxPixels: number; knownDpi?: number },
): Promise<PreparedImage> {
  const what = options.page === undefined ? 'the image' : `page ${options.page + 1}`;
  try {
    const input = sharp(bytes, { page: options.page ?? 0, limitInputPixels: options.maxPixels });
    const meta = await input.metadata();
    const steps: string[] = [];
    let decoded = input.autoOrient();
    if (meta.orientation && meta.orientation > 1) steps.push('exif-orientation');
    if (meta.hasAlpha) {
      decoded = decoded.flatten({ background: '#ffffff' });
      steps.push('flatten-alpha');
    }
    if (meta.channels !== 1) steps.push('grayscale');
    const { data, info } = await decoded.greyscale().extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    const { width, height } = info;
    const levels = grayLevels(data);
    let image = sharp(data, { raw: { width, height, channels: 1 } });
    if (levels.high > levels.low && (levels.low > 0 || levels.high < 255)) {
      const scale = 255 / (levels.high - levels.low);
      image = image.linear(scale, -levels.low * scale);
      steps.push(`contrast stretch ${levels.low}-${levels.high}`);
    }

    const sourceDpi = options.knownDpi ?? (meta.density && meta.density > 1 ? meta.density : undefined);
    let factor = 1;
    if (sourceDpi !== undefined && sourceDpi < MIN_GOOD_DPI) factor = TARGET_DPI / sourceDpi;
    else if (sourceDpi === undefined && Math.max(width, height) < SMALL_IMAGE_PX) factor = 2;
    factor = Math.min(factor, MAX_UPSCALE, Math.sqrt(options.maxPixels / Math.max(1, width * height)));
    let out = { width, height };
    if (factor > 1.05) {
      out = { width: Math.round(width * factor), height: Math.round(height * factor) };
      image = image.resize(out.width, out.height, { kernel: 'lanczos3' });
      steps.push(`upscale x${factor.toFixed(2)}`);
    }
    const dpi = Math.round((sourceDpi ?? TARGET_DPI / Math.max(factor, 1)) * Math.max(factor, 1));
    const png = await grayPng(image, dpi);
    return { png, ...out, dpi, sourceDpi, contrast: levels.stdev, steps };
  } catch (error) {
    throw asInputError(error, what, options.maxPixels);
  }
}

/**
 * The page turned clockwise by `degrees` (lossless for right angles), with its new size: at any
 * other angle the canvas grows to hold the turned corners, and the engines' boxes are on it.
 */
export async function rotatePng(
  png: Buffer,
  degrees: number,
  dpi: number,
): Promise<{ png: Buffer; width: number; height: number }> {
  const turned = await grayPng(sharp(png).rotate(degrees, { background: '#ffffff' }), dpi);
  const { width, height } = await sharp(turned).metadata();
  return { png: turned, width, height };
}

/** A quarter-size copy for cheap trial passes (orientation without OSD). */
export async function downscalePng(png: Buffer, width: number): Promise<Buffer> {
  return grayPng(sharp(png).resize({ width: Math.max(200, Math.round(width / 2)) }));
}

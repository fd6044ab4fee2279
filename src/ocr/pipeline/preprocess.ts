import sharp from 'sharp';
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

/**
 * One page as the engines want it: upright by EXIF, alpha flattened onto white, gray, contrast
 * stretched, small text upscaled towards 300 dpi. Every step applied is named in `steps`.
 */
export async function prepareImage(
  bytes: Buffer,
  options: { page?: number; maxPixels: number; knownDpi?: number },
): Promise<PreparedImage> {
  const what = options.page === undefined ? 'the image' : `page ${options.page + 1}`;
  try {
    const input = () => sharp(bytes, { page: options.page ?? 0, limitInputPixels: options.maxPixels });
    const meta = await input().metadata();
    const steps: string[] = [];
    let image = input().autoOrient();
    if (meta.orientation && meta.orientation > 1) steps.push('exif-orientation');
    if (meta.hasAlpha) {
      image = image.flatten({ background: '#ffffff' });
      steps.push('flatten-alpha');
    }
    image = image.greyscale();
    if (meta.channels !== 1) steps.push('grayscale');
    const stats = await image.clone().stats();
    const contrast = stats.channels[0].stdev;
    image = image.normalise();
    steps.push('normalise');

    const width = meta.autoOrient?.width ?? meta.width ?? 0;
    const height = meta.autoOrient?.height ?? meta.height ?? 0;
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
    // Fast PNG: the engines decode it again at once; compression would only cost CPU.
    const png = await image.png({ compressionLevel: 1 }).withMetadata({ density: dpi }).toBuffer();
    return { png, ...out, dpi, sourceDpi, contrast, steps };
  } catch (error) {
    throw asInputError(error, what, options.maxPixels);
  }
}

/** The page turned clockwise by `degrees` (lossless for right angles). */
export async function rotatePng(png: Buffer, degrees: number, dpi: number): Promise<Buffer> {
  return sharp(png)
    .rotate(degrees, { background: '#ffffff' })
    .png({ compressionLevel: 1 })
    .withMetadata({ density: dpi })
    .toBuffer();
}

/** A quarter-size copy for cheap trial passes (orientation without OSD). */
export async function downscalePng(png: Buffer, width: number): Promise<Buffer> {
  return sharp(png)
    .resize({ width: Math.max(200, Math.round(width / 2)) })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

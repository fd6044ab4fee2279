import { availableParallelism } from 'node:os';
import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** The OCR pipeline: input limits, the two engines and their pools, when engines are compared. */
export class OcrSettings {
  /** Largest document accepted, in bytes (413 above it at upload; 20 MB). */
  @IsInt()
  @Min(1)
  @Max(512 * 1024 * 1024)
  OCR_MAX_BYTES: number = 20 * 1024 * 1024;

  @IsInt()
  @Min(1)
  @Max(10_000)
  OCR_MAX_PAGES: number = 50;

  /**
   * Pixels per page (width x height) an image may declare: a decompression bomb is refused before
   * it is decoded (sharp's limitInputPixels). 100 megapixels holds an A3 page at 600 dpi.
   */
  @IsInt()
  @Min(1)
  OCR_MAX_PIXELS: number = 100_000_000;

  @IsIn(['auto', 'native', 'wasm'], { message: 'OCR_ENGINE_DEFAULT must be auto, native or wasm' })
  OCR_ENGINE_DEFAULT: 'auto' | 'native' | 'wasm' = 'auto';

  @IsString()
  @Matches(/^[a-z_]{3,16}(\+[a-z_]{3,16}){0,7}$/, { message: 'OCR_LANGUAGES_DEFAULT must be codes joined by +' })
  OCR_LANGUAGES_DEFAULT: string = 'eng+spa';

  /** Pages recognised at once per engine: one Tesseract process or tesseract.js worker per core. */
  @IsInt()
  @Min(1)
  @Max(64)
  OCR_POOL_SIZE: number = availableParallelism();

  /** tesseract.js workers grow without bound (tesseract.js #1045, #900): one is replaced after this many pages. */
  @IsInt()
  @Min(1)
  OCR_WORKER_MAX_PAGES: number = 50;

  /** ... or when the process's resident memory passes this after a page. */
  @IsInt()
  @Min(64)
  OCR_WORKER_MAX_RSS_MB: number = 768;

  /** A page's recognition taking longer is abandoned: the process or worker is killed and replaced. */
  @IsInt()
  @Min(100)
  OCR_PAGE_TIMEOUT_MS: number = 60_000;

  /** Page confidence (0-100) under which the other engine runs too, and the better page is kept. */
  @IsInt()
  @Min(0)
  @Max(100)
  OCR_COMPARE_BELOW: number = 70;

  /** Resolution at which PDF pages without a usable text layer are rendered for OCR. */
  @IsInt()
  @Min(72)
  @Max(600)
  OCR_RENDER_DPI: number = 300;

  /** The native Tesseract 5 binary; the engine is used when `--version` runs at start-up. */
  @IsString()
  @MinLength(1)
  OCR_TESSERACT_PATH: string = 'tesseract';
}

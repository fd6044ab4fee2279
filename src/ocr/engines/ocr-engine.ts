import type { OcrEngineName, OcrLine } from '../ocr.types.js';

/** What an engine answers for one page image. */
export interface EngineResult {
  text: string;
  /** 0-100: word confidences weighted by word length. */
  confidence: number;
  lines: OcrLine[];
}

/** Tesseract's orientation detection: rotate the image clockwise by `degrees` to make it upright. */
export interface Orientation {
  degrees: 0 | 90 | 180 | 270;
  confidence: number;
}

/**
 * How the engine finds the text on a page: `auto` is Tesseract's layout analysis (columns, blocks;
 * `--psm 3`), `block` reads the page as one uniform block (`--psm 6`). Trial turns use `block`:
 * layout analysis finds the lines of a sideways page at two turns out of four, so it cannot tell them apart.
 */
export type PageLayout = 'auto' | 'block';

/** Tesseract's page segmentation mode for each layout, as both builds take it (`--psm`, PSM). */
export const PAGE_SEGMENTATION_MODE: Record<PageLayout, '3' | '6'> = { auto: '3', block: '6' };

/** One OCR engine behind a bounded pool; both Tesseract builds look the same to the pipeline. */
export interface OcrEngine {
  readonly name: OcrEngineName;
  /** Known at start-up: the native binary ran, the tesseract.js data is present. */
  readonly available: boolean;
  supports(languages: string): boolean;
  /** `image` is a PNG; `dpi` its resolution as the pipeline knows it. */
  recognise(
    image: Buffer,
    languages: string,
    dpi: number,
    signal?: AbortSignal,
    layout?: PageLayout,
  ): Promise<EngineResult>;
  /** Orientation when the engine can tell (native OSD needs osd.traineddata); undefined when it cannot. */
  detectOrientation?(image: Buffer, signal?: AbortSignal): Promise<Orientation | undefined>;
  close(): Promise<void>;
}

export const NATIVE_ENGINE = Symbol('NATIVE_ENGINE');
export const WASM_ENGINE = Symbol('WASM_ENGINE');

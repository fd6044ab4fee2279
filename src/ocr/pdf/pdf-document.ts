import { createCanvas } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { ocrCorrupt, ocrEncrypted, ocrTooManyPixels } from '../ocr-pipeline.errors.js';
import type { PlacedText } from './pdf-text-layer.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;
// The legacy build: pdfjs-dist 5 main build needs APIs Node 20 lacks (Promise.withResolvers, ...).
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

// Fonts and image decoders ship inside the package; pdf.js reads them from disk, never the network.
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const asset = (folder: string) => join(PDFJS_ROOT, folder) + '/';

/** An open PDF: its pages' text layers, and pages rendered as images for OCR. */
export class PdfDocument {
  private constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly lib: PdfJs,
  ) {}

  /** Opens the bytes; an encrypted or unreadable file is a 422, never a library error. */
  static async open(bytes: Buffer): Promise<PdfDocument> {
    const lib = await loadPdfJs();
    const task = lib.getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
      standardFontDataUrl: asset('standard_fonts'),
      cMapUrl: asset('cmaps'),
      cMapPacked: true,
      wasmUrl: asset('wasm'),
    });
    try {
      return new PdfDocument(await task.promise, lib);
    } catch (error) {
      await task.destroy().catch(() => undefined);
      // pdf.js 5 no longer exports PasswordException: it is known by its name.
      if ((error as Error | undefined)?.name === 'PasswordException') throw ocrEncrypted();
      if (error instanceof lib.InvalidPDFException) throw ocrCorrupt('not a valid PDF (damaged or truncated)');
      throw ocrCorrupt('the PDF structure cannot be parsed');
    }
  }

  get pageCount(): number {
    return this.doc.numPages;
  }

  /** The page's text items placed in pixels at `dpi`, plus the page size at that resolution. */
  async textItems(pageNumber: number, dpi: number): Promise<{ items: PlacedText[]; width: number; height: number }> {
    const page = await this.page(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const content = await page.getTextContent({ includeMarkedContent: false });
    const items: PlacedText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      // Text space to viewport (top-left origin, y down): baseline at (e, f), em size from c, d.
      const [, , c, d, e, f] = this.lib.Util.transform(viewport.transform, item.transform);
      const size = Math.hypot(c, d);
      items.push({ text: item.str, x: e, baseline: f, width: item.width * viewport.scale, size });
    }
    page.cleanup();
    return { items, width: Math.round(viewport.width), height: Math.round(viewport.height) };
  }

  /** The page as a grayscale-ready PNG at `dpi`; a page larger than `maxPixels` is refused, not drawn. */
  async render(pageNumber: number, dpi: number, maxPixels: number): Promise<Buffer> {
    const page = await this.page(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    if (width * height > maxPixels) throw ocrTooManyPixels(maxPixels);
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    // Transparent PDF backgrounds would render black once the alpha is dropped.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    try {
      await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
    } catch {
      throw ocrCorrupt(`page ${pageNumber} cannot be drawn`);
    } finally {
      page.cleanup();
    }
    return canvas.toBuffer('image/png');
  }

  async close(): Promise<void> {
    await this.doc.destroy().catch(() => undefined);
  }

  private async page(pageNumber: number): Promise<PDFPageProxy> {
    try {
      return await this.doc.getPage(pageNumber);
    } catch {
      throw ocrCorrupt(`page ${pageNumber} is damaged`);
    }
  }
}

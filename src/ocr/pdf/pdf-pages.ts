import type { OcrPage } from '../ocr.types.js';
import type { PdfDocument } from './pdf-document.js';
import { judgeTextLayer, textLayerLines } from './pdf-text-layer.js';

export type PdfPageDecision = { kind: 'text'; page: OcrPage } | { kind: 'scan'; reason: string };

/**
 * A PDF page's own text when it is usable (born-digital pages are never OCRed: confidence 100,
 * source `pdf_text`); otherwise the reason, and the page goes to OCR rendered at `dpi`.
 */
export async function readPdfTextPage(doc: PdfDocument, number: number, dpi: number): Promise<PdfPageDecision> {
  const started = performance.now();
  const { items, width, height } = await doc.textItems(number, dpi);
  const lines = textLayerLines(items);
  const text = lines.map((line) => line.text).join('\n');
  const judged = judgeTextLayer(text);
  if (!judged.usable) return { kind: 'scan', reason: judged.reason };
  const ms = Math.round(performance.now() - started);
  return {
    kind: 'text',
    page: {
      page_number: number,
      source: 'pdf_text',
      text,
      confidence: 100,
      rotation_applied: 0,
      preprocessing: ['text layer (NFKC, spacing and reading order from positions)'],
      lines,
      quality: { verdict: 'good', reasons: [] },
      engines_tried: [{ engine: 'pdf_text', confidence: 100, ms }],
      timings_ms: { preprocess: 0, recognise: ms, total: ms },
      width,
      height,
    },
  };
}

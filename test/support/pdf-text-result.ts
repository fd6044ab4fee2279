import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OcrLine, OcrPage, OcrResult, OcrWord } from '../../src/ocr/ocr.types.js';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

const GOOD = { verdict: 'good' as const, reasons: [] };

/**
 * A real OcrResult from a PDF's own text layer, read with pdfjs as the pipeline does for
 * born-digital pages: items on one baseline make a line (left to right), each item's words get
 * boxes by their share of its width. Coordinates are PDF points with the origin at the top left,
 * confidence 100 (a text layer is not guessed). No OCR, no stubs: what the extractor meets in production.
 */
export async function pdfTextResult(path: string): Promise<OcrResult> {
  const bytes = readFileSync(path);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 })
    .promise;
  const pages: OcrPage[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = (content.items as TextItem[]).filter((item) => 'str' in item && item.str.trim() !== '');
      const lines = toLines(items, viewport.height);
      pages.push({
        page_number: number,
        source: 'pdf_text',
        text: lines.map((line) => line.text).join('\n'),
        confidence: 100,
        rotation_applied: 0,
        preprocessing: [],
        lines,
        quality: GOOD,
        engines_tried: [],
        timings_ms: { preprocess: 0, recognise: 0, total: 0 },
        width: Math.round(viewport.width),
        height: Math.round(viewport.height),
      });
    }
  } finally {
    await document.destroy();
  }
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    media_type: 'application/pdf',
    page_count: pages.length,
    text: pages.map((page) => page.text).join('\n\f'),
    confidence: 100,
    quality: GOOD,
    pages,
    resources: { cpu_ms: 0, peak_memory_mb: 0, duration_ms: 0 },
  };
}

function toLines(items: TextItem[], pageHeight: number): OcrLine[] {
  const placed = items.map((item) => {
    const size = Math.abs(item.transform[3]) || item.height || 10;
    const x = item.transform[4];
    const baseline = pageHeight - item.transform[5];
    return { item, x, baseline, size };
  });
  placed.sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const rows: (typeof placed)[] = [];
  for (const entry of placed) {
    const row = rows.find((r) => Math.abs(r[0].baseline - entry.baseline) < r[0].size * 0.4);
    if (row) row.push(entry);
    else rows.push([entry]);
  }
  return rows
    .map((row) => row.sort((a, b) => a.x - b.x))
    .map((row) => {
      const words = row.flatMap(({ item, x, baseline, size }) => wordsOf(item, x, baseline, size));
      return {
        text: words.map((w) => w.text).join(' '),
        confidence: 100,
        box: {
          x0: Math.min(...words.map((w) => w.box.x0)),
          y0: Math.min(...words.map((w) => w.box.y0)),
          x1: Math.max(...words.map((w) => w.box.x1)),
          y1: Math.max(...words.map((w) => w.box.y1)),
        },
        words,
      };
    })
    .sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

function wordsOf(item: TextItem, x: number, baseline: number, size: number): OcrWord[] {
  const words: OcrWord[] = [];
  const perChar = item.str.length > 0 ? item.width / item.str.length : 0;
  for (const match of item.str.matchAll(/\S+/g)) {
    const x0 = x + (match.index ?? 0) * perChar;
    words.push({
      text: match[0],
      confidence: 100,
      box: round({ x0, y0: baseline - size, x1: x0 + match[0].length * perChar, y1: baseline }),
    });
  }
  return words;
}

const round = (box: OcrWord['box']): OcrWord['box'] => ({
  x0: Math.round(box.x0),
  y0: Math.round(box.y0),
  x1: Math.round(box.x1),
  y1: Math.round(box.y1),
});

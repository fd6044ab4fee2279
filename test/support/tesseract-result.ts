import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { OcrLine, OcrPage, OcrResult } from '../../src/ocr/ocr.types.js';

const run = promisify(execFile);

/**
 * A real OcrResult from native Tesseract 5 on an image (`tesseract file - tsv`, one thread as
 * tesseract #263 advises): TSV word rows grouped into lines by (block, paragraph, line), with
 * Tesseract's own word confidences. For the PNG invoices the pipeline would OCR.
 */
export async function tesseractResult(path: string, languages = 'eng+spa'): Promise<OcrResult> {
  const { stdout } = await run('tesseract', [path, '-', '-l', languages, 'tsv'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    maxBuffer: 32 * 1024 * 1024,
  });
  const rows = stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.split('\t'));
  const page = rows.find((row) => row[0] === '1');
  const lines = new Map<string, OcrLine>();
  for (const row of rows) {
    const [level, , block, paragraph, line, , left, top, width, height, conf, ...rest] = row;
    const text = rest.join('\t').trim();
    if (level !== '5' || text === '') continue;
    const box = { x0: +left, y0: +top, x1: +left + +width, y1: +top + +height };
    const key = `${block}.${paragraph}.${line}`;
    const entry = lines.get(key) ?? { text: '', confidence: 0, box, words: [] };
    entry.words.push({ text, confidence: Math.max(0, +conf), box });
    lines.set(key, entry);
  }
  const ordered = [...lines.values()].map((line) => ({
    ...line,
    text: line.words.map((w) => w.text).join(' '),
    confidence: line.words.reduce((sum, w) => sum + w.confidence, 0) / line.words.length,
    box: {
      x0: Math.min(...line.words.map((w) => w.box.x0)),
      y0: Math.min(...line.words.map((w) => w.box.y0)),
      x1: Math.max(...line.words.map((w) => w.box.x1)),
      y1: Math.max(...line.words.map((w) => w.box.y1)),
    },
  }));
  const words = ordered.flatMap((line) => line.words);
  const confidence = words.length ? words.reduce((sum, w) => sum + w.confidence, 0) / words.length : 0;
  const quality = { verdict: confidence >= 85 ? ('good' as const) : ('acceptable' as const), reasons: [] };
  const ocrPage: OcrPage = {
    page_number: 1,
    source: 'native',
    text: ordered.map((line) => line.text).join('\n'),
    confidence,
    rotation_applied: 0,
    preprocessing: [],
    lines: ordered,
    quality,
    engines_tried: [],
    timings_ms: { preprocess: 0, recognise: 0, total: 0 },
    width: page ? +page[8] : 0,
    height: page ? +page[9] : 0,
  };
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    media_type: 'image/png',
    page_count: 1,
    text: ocrPage.text,
    confidence,
    quality,
    pages: [ocrPage],
    resources: { cpu_ms: 0, peak_memory_mb: 0, duration_ms: 0 },
  };
}

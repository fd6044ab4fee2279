import type { OcrLine, OcrWord } from '../ocr.types.js';
import { lineOf, weightedConfidence } from '../pipeline/confidence.js';
import { readingOrder } from '../pipeline/reading-order.js';
import type { EngineResult } from './ocr-engine.js';

// Tesseract's TSV columns: level page_num block_num par_num line_num word_num left top width height conf text.
const WORD_LEVEL = '5';

/** Parses `tesseract ... tsv` output into lines of words with boxes and confidences. */
export function parseTesseractTsv(tsv: string): EngineResult {
  const lines = new Map<string, { paragraph: string; words: OcrWord[] }>();
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== WORD_LEVEL) continue;
    const text = cols.slice(11).join('\t').trim();
    const confidence = Number(cols[10]);
    if (text === '' || !Number.isFinite(confidence) || confidence < 0) continue;
    const [left, top, width, height] = cols.slice(6, 10).map(Number);
    const paragraph = `${cols[1]}.${cols[2]}.${cols[3]}`;
    const key = `${paragraph}.${cols[4]}`;
    const line = lines.get(key) ?? { paragraph, words: [] };
    line.words.push({ text, confidence, box: { x0: left, y0: top, x1: left + width, y1: top + height } });
    lines.set(key, line);
  }
  return joinLines([...lines.values()].map(({ paragraph, words }) => ({ paragraph, ...lineOf(words) })));
}

/**
 * The engine's lines put in reading order (XY-cut over their boxes), joined as text: a line break
 * within a paragraph, a blank line between paragraphs.
 */
export function joinLines(lines: Array<OcrLine & { paragraph: string }>): EngineResult {
  const ordered = readingOrder(lines);
  let text = '';
  let previous: string | undefined;
  for (const line of ordered) {
    text += (previous === undefined ? '' : previous === line.paragraph ? '\n' : '\n\n') + line.text;
    previous = line.paragraph;
  }
  const ocrLines: OcrLine[] = ordered.map(({ paragraph: _paragraph, ...line }) => line);
  return { text, confidence: weightedConfidence(ocrLines.flatMap((l) => l.words)), lines: ocrLines };
}

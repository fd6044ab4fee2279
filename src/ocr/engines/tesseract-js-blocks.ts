import type { Block } from 'tesseract.js';
import type { OcrWord } from '../ocr.types.js';
import { lineOf } from '../pipeline/confidence.js';
import type { EngineResult } from './ocr-engine.js';
import { joinLines } from './tesseract-tsv.js';

/** tesseract.js 7's blocks → paragraphs → lines → words, as the contract's lines of words. */
export function fromTesseractJsBlocks(blocks: Block[] | null): EngineResult {
  const lines = [];
  for (const [b, block] of (blocks ?? []).entries()) {
    for (const [p, paragraph] of block.paragraphs.entries()) {
      for (const line of paragraph.lines) {
        const words: OcrWord[] = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text.trim(), confidence: w.confidence, box: { ...w.bbox } }));
        if (words.length > 0) lines.push({ paragraph: `${b}.${p}`, ...lineOf(words) });
      }
    }
  }
  return joinLines(lines);
}

import type { Block } from 'tesseract.js';
import type { OcrWord } from '../ocr.types.js';
import { lineOf, weightedConfidence } from '../pipeline/confidence.js';
import type { EngineResult } from './ocr-engine.js';

/** tesseract.js 7's blocks → paragraphs → lines → words, as the contract's lines of words. */
export function fromTesseractJsBlocks(blocks: Block[] | null): EngineResult {
  const lines = [];
  const paragraphs: string[] = [];
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      const texts: string[] = [];
      for (const line of paragraph.lines) {
        const words: OcrWord[] = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text.trim(), confidence: w.confidence, box: { ...w.bbox } }));
        if (words.length === 0) continue;
        const ocrLine = lineOf(words);
        lines.push(ocrLine);
        texts.push(ocrLine.text);
      }
      if (texts.length > 0) paragraphs.push(texts.join('\n'));
    }
  }
  return { text: paragraphs.join('\n\n'), confidence: weightedConfidence(lines.flatMap((l) => l.words)), lines };
}

import type { Box, OcrLine, OcrWord } from '../ocr.types.js';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Mean of confidences weighted by text length: a long word read well counts more than a stray mark. */
export function weightedConfidence(parts: Array<{ text: string; confidence: number }>): number {
  let weight = 0;
  let sum = 0;
  for (const part of parts) {
    const w = part.text.replace(/\s/g, '').length;
    weight += w;
    sum += w * part.confidence;
  }
  return weight === 0 ? 0 : round1(sum / weight);
}

export function unionBox(boxes: Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** A line from its words: text joined by spaces, confidence weighted, box around them. */
export function lineOf(words: OcrWord[]): OcrLine {
  return {
    text: words.map((w) => w.text).join(' '),
    confidence: weightedConfidence(words),
    box: unionBox(words.map((w) => w.box)),
    words: words.map((w) => ({ ...w, confidence: round1(w.confidence) })),
  };
}

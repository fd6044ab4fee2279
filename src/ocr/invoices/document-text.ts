import type { Box, OcrResult, OcrWord } from '../ocr.types.js';

/** One OCR line with its text rebuilt from its words, so a character offset names the words under it. */
export interface TextLine {
  page: number;
  text: string;
  words: OcrWord[];
  /** Offset of each word in `text`. */
  starts: number[];
  box: Box;
}

/** A piece of a line that a rule read a value from. */
export interface Segment {
  line: TextLine;
  start: number;
  end: number;
}

/** Where a value came from: its words give the field's OCR confidence, page and box. */
export interface Evidence {
  words: OcrWord[];
  page: number;
}

/**
 * The OCR result as extraction reads it: lines in reading order per page, and the geometry to
 * look to the right of a label (a row that Tesseract split into blocks) or below it (a header
 * row over a value row).
 */
export class DocumentText {
  readonly lines: TextLine[];
  /** Every line, one per row of text, pages one after the other: what template patterns run on. */
  readonly text: string;
  private readonly lineStarts: number[] = [];

  constructor(result: OcrResult) {
    this.lines = result.pages.flatMap((page) =>
      page.lines
        .filter((line) => line.words.length > 0)
        .map((line) => {
          const starts: number[] = [];
          let text = '';
          for (const word of line.words) {
            if (text) text += ' ';
            starts.push(text.length);
            text += word.text;
          }
          return { page: page.page_number, text, words: line.words, starts, box: line.box };
        })
        .sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0),
    );
    let offset = 0;
    for (const line of this.lines) {
      this.lineStarts.push(offset);
      offset += line.text.length + 1;
    }
    this.text = this.lines.map((line) => line.text).join('\n');
  }

  /** The segments of lines that characters [start, end) of `text` cover. */
  segmentsOf(start: number, end: number): Segment[] {
    const segments: Segment[] = [];
    this.lines.forEach((line, i) => {
      const from = this.lineStarts[i];
      const to = from + line.text.length;
      if (from < end && to > start) {
        segments.push({ line, start: Math.max(0, start - from), end: Math.min(line.text.length, end - from) });
      }
    });
    return segments;
  }

  /** The words overlapping characters [start, end) of a line. */
  wordsIn(line: TextLine, start: number, end: number): OcrWord[] {
    return line.words.filter((word, i) => line.starts[i] < end && line.starts[i] + word.text.length > start);
  }

  /** Lines of the same page whose middle lies within this line's height, right of `x`, left to right. */
  sameRowRight(line: TextLine, x: number): TextLine[] {
    return this.lines
      .filter((other) => other !== line && other.page === line.page && other.box.x0 >= x)
      .filter((other) => {
        const middle = (other.box.y0 + other.box.y1) / 2;
        return middle >= line.box.y0 && middle <= line.box.y1;
      })
      .sort((a, b) => a.box.x0 - b.box.x0);
  }

  /**
   * The words right under a label: on the nearest line below (within three line heights) that has
   * words overlapping the label's width, those words.
   */
  below(line: TextLine, box: Box): Segment | undefined {
    const height = Math.max(1, line.box.y1 - line.box.y0);
    const candidates = this.lines
      .filter((other) => other.page === line.page && other.box.y0 >= line.box.y1 - height * 0.3)
      .filter((other) => other.box.y0 - line.box.y1 <= height * 3)
      .sort((a, b) => a.box.y0 - b.box.y0);
    for (const other of candidates) {
      const indexes = other.words
        .map((word, i) => (word.box.x1 >= box.x0 - 2 && word.box.x0 <= box.x1 + 2 ? i : -1))
        .filter((i) => i >= 0);
      if (indexes.length === 0) continue;
      const first = indexes[0];
      const last = indexes[indexes.length - 1];
      return { line: other, start: other.starts[first], end: other.starts[last] + other.words[last].text.length };
    }
    return undefined;
  }
}

export function boxOf(words: OcrWord[]): Box | undefined {
  if (words.length === 0) return undefined;
  return {
    x0: Math.min(...words.map((w) => w.box.x0)),
    y0: Math.min(...words.map((w) => w.box.y0)),
    x1: Math.max(...words.map((w) => w.box.x1)),
    y1: Math.max(...words.map((w) => w.box.y1)),
  };
}

/** The OCR confidence (0-1) of the words a value came from. */
export function confidenceOf(words: OcrWord[]): number {
  if (words.length === 0) return 0;
  return words.reduce((sum, word) => sum + word.confidence, 0) / words.length / 100;
}

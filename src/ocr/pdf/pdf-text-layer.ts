import type { Box, OcrLine, OcrWord } from '../ocr.types.js';

/** One pdf.js text item placed on the page, in pixels with the origin top left (y grows down). */
export interface PlacedText {
  text: string;
  x: number;
  /** The baseline. */
  baseline: number;
  width: number;
  /** Font size (em height) in pixels. */
  size: number;
}

// A gap wider than this share of the font size is a word break. Word spaces in common fonts are
// 0.2-0.33 em and kerning rarely passes 0.1 em; pdf.js's own spacing (issues #9998, #14497) is
// ignored in favour of the geometry.
const SPACE_GAP_EM = 0.15;
// Items whose baselines are closer than this share of the larger font size sit on one line (sub/superscripts
// shift by ~0.3 em).
const SAME_LINE_EM = 0.4;
const DESCENT_EM = 0.22;

/** Ligatures (ﬁ ﬂ ﬀ), full-width forms and non-breaking spaces to their plain letters; no control characters. */
export function normaliseChars(text: string): string {
  return (
    text
      .normalize('NFKC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u00ad\u200b-\u200d\ufeff]/g, '')
      .replace(/\s/g, ' ')
  );
}

interface LineDraft {
  baseline: number;
  size: number;
  items: PlacedText[];
}

/** Clusters items into lines by baseline: top to bottom, and left to right within a line. */
function groupLines(items: PlacedText[]): LineDraft[] {
  const sorted = [...items].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const lines: LineDraft[] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(item.baseline - line.baseline) <= SAME_LINE_EM * Math.max(line.size, item.size)) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else {
      lines.push({ baseline: item.baseline, size: item.size, items: [item] });
    }
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

const boxOf = (x0: number, x1: number, line: LineDraft): Box => ({
  x0: Math.round(x0),
  y0: Math.round(line.baseline - line.size),
  x1: Math.round(x1),
  y1: Math.round(line.baseline + DESCENT_EM * line.size),
});

/** Words of one item, each given the share of the item's width its characters take. */
function wordsOf(item: PlacedText, line: LineDraft): OcrWord[] {
  const perChar = item.text.length > 0 ? item.width / item.text.length : 0;
  return [...item.text.matchAll(/\S+/g)].map((match) => {
    const x0 = item.x + (match.index ?? 0) * perChar;
    return { text: match[0], confidence: 100, box: boxOf(x0, x0 + match[0].length * perChar, line) };
  });
}

/**
 * The page's text as lines, joined by geometry: a space where the gap between two items is wider
 * than a word space, none where pdf.js split a word (or inserted a spurious space item), so words
 * neither run together nor break apart.
 */
export function textLayerLines(items: PlacedText[]): OcrLine[] {
  const placed = items
    .map((item) => ({ ...item, text: normaliseChars(item.text) }))
    .filter((item) => item.text.trim() !== '' && item.size > 0);
  return groupLines(placed).map((line) => {
    let text = '';
    let end = -Infinity;
    const words: OcrWord[] = [];
    for (const item of line.items) {
      const gap = item.x - end;
      const piece = text === '' ? item.text.trimStart() : item.text;
      if (text !== '' && gap > SPACE_GAP_EM * line.size && !text.endsWith(' ') && !piece.startsWith(' ')) text += ' ';
      text += piece;
      end = Math.max(end, item.x + item.width);
      const itemWords = wordsOf(item, line);
      const previous = words.at(-1);
      // Two items with no gap between them are one word split by the PDF producer (kerning, styles).
      if (previous && itemWords.length > 0 && gap <= SPACE_GAP_EM * line.size && !/^\s/.test(item.text)) {
        const first = itemWords.shift()!;
        previous.text += first.text;
        previous.box = { ...previous.box, x1: first.box.x1 };
      }
      words.push(...itemWords);
    }
    const x0 = Math.min(...line.items.map((item) => item.x));
    return { text: text.replace(/ {2,}/g, ' ').trim(), confidence: 100, box: boxOf(x0, end, line), words };
  });
}

// A text layer is used when it holds at least this many letters or digits ...
export const MIN_TEXT_CHARS = 20;
// ... of which almost all are readable characters (fonts without a Unicode map give U+FFFD, private
// use or control characters) ...
export const MIN_READABLE_SHARE = 0.9;
// ... and most words of two letters or more carry a vowel (glyph ids read as letters do not; every
// English and Spanish word of two letters or more but a few abbreviations does).
export const MIN_VOWEL_WORD_SHARE = 0.6;

/** Whether a page's own text is worth more than OCR; the reason when not. */
export function judgeTextLayer(text: string): { usable: boolean; reason: string } {
  const chars = [...text.replace(/\s/g, '')];
  const alnum = chars.filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
  if (alnum < MIN_TEXT_CHARS) return { usable: false, reason: `text layer has ${alnum} letters or digits` };
  const readable = chars.filter((c) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(c) && !/[\ufffd\p{Co}]/u.test(c)).length;
  if (readable / chars.length < MIN_READABLE_SHARE) return { usable: false, reason: 'text layer is mostly unreadable' };
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  const voweled = words.filter((w) => /[aeiouyáéíóúüàèìòùâêîôûäëïöAEIOUYÁÉÍÓÚÜ]/u.test(w)).length;
  if (words.length >= 5 && voweled / words.length < MIN_VOWEL_WORD_SHARE) {
    return { usable: false, reason: 'text layer looks like glyph codes, not words' };
  }
  return { usable: true, reason: 'text layer' };
}

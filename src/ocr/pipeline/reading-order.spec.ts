import { describe, expect, it } from '@jest/globals';
import { readingOrder } from './reading-order.js';

// Lines 40 px high on a 45 px pitch (gaps of 5 px), as Tesseract boxes 10 pt text at 300 dpi.
const line = (text: string, x0: number, y0: number, x1: number, height = 40) => ({
  text,
  box: { x0, y0, x1, y1: y0 + height },
});
const column = (name: string, x0: number, x1: number, y0: number, count: number) =>
  Array.from({ length: count }, (_, i) => line(`${name}${i + 1}`, x0, y0 + i * 45, x1));
const texts = (items: Array<{ text: string }>) => items.map((i) => i.text);

describe('readingOrder (recursive XY-cut)', () => {
  it('reads two columns on the same baseline grid one after the other, not line by line across', () => {
    const left = column('L', 100, 600, 100, 4);
    const right = column('R', 650, 1150, 100, 4);
    // The engine's order interleaves them, as it does on magazine pages.
    const engine = left.flatMap((l, i) => [l, right[i]]);
    expect(texts(readingOrder(engine))).toEqual(['L1', 'L2', 'L3', 'L4', 'R1', 'R2', 'R3', 'R4']);
  });

  it('reads a title above columns first and a footer below them last', () => {
    const title = line('Title', 100, 20, 1150, 60);
    const left = column('L', 100, 600, 120, 3);
    const right = column('R', 650, 1150, 120, 3);
    const footer = line('Footer', 100, 400, 1150);
    expect(texts(readingOrder([footer, ...right, title, ...left]))).toEqual([
      'Title',
      'L1',
      'L2',
      'L3',
      'R1',
      'R2',
      'R3',
      'Footer',
    ]);
  });

  it('reads a column to its end, then a box under it, before the next column (UNLV 8071_093.3B)', () => {
    const first = column('A', 100, 600, 100, 6);
    const second = column('B', 650, 1150, 100, 3);
    const aside = line('Aside', 660, 350, 1100);
    expect(texts(readingOrder([aside, ...second, ...first]))).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'A6',
      'B1',
      'B2',
      'B3',
      'Aside',
    ]);
  });

  it('keeps a drop cap line first though the lines beside it were listed before it', () => {
    const dropCap = line('S he moped', 100, 100, 600, 120);
    const beside = [line('wandered', 200, 140, 600), line('with the look', 200, 185, 600)];
    const after = line('puppy', 100, 230, 600);
    expect(texts(readingOrder([...beside, dropCap, after]))).toEqual([
      'S he moped',
      'wandered',
      'with the look',
      'puppy',
    ]);
  });

  it('does not cut at word-sized gaps: cells of one row narrower apart than half a line stay in row order', () => {
    const row1 = [line('Qty', 100, 100, 160), line('2', 175, 100, 200)];
    const row2 = [line('Price', 100, 145, 160), line('9', 175, 145, 200)];
    expect(texts(readingOrder([...row2, ...row1]))).toEqual(['Qty', '2', 'Price', '9']);
  });

  it('answers an empty or single list as it is', () => {
    expect(readingOrder([])).toEqual([]);
    expect(texts(readingOrder([line('only', 0, 0, 10)]))).toEqual(['only']);
  });
});

import { describe, expect, it } from '@jest/globals';
import { parseTesseractTsv } from './tesseract-tsv.js';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const row = (block: number, par: number, line: number, word: number, box: number[], conf: number, text: string) =>
  ['5', '1', block, par, line, word, ...box, conf, text].join('\t');

describe('parseTesseractTsv', () => {
  it('groups words into lines and paragraphs, with boxes and length-weighted confidence', () => {
    const tsv = [
      HEADER,
      ['1', '1', '0', '0', '0', '0', '0', '0', '640', '480', '-1', ''].join('\t'),
      row(1, 1, 1, 1, [36, 92, 60, 20], 96, 'This'),
      row(1, 1, 1, 2, [100, 92, 20, 20], 50, 'is'),
      row(1, 1, 2, 1, [36, 130, 40, 20], 90, 'text'),
      row(2, 1, 1, 1, [36, 200, 80, 20], 80, 'Second'),
      row(2, 1, 1, 2, [120, 200, 10, 20], 95, ' '),
      '',
    ].join('\n');
    const result = parseTesseractTsv(tsv);
    expect(result.text).toBe('This is\ntext\n\nSecond');
    expect(result.lines).toHaveLength(3);
    expect(result.lines[0]).toMatchObject({ text: 'This is', box: { x0: 36, y0: 92, x1: 120, y1: 112 } });
    // (4*96 + 2*50) / 6
    expect(result.lines[0].confidence).toBe(80.7);
    expect(result.lines[0].words[1]).toEqual({
      text: 'is',
      confidence: 50,
      box: { x0: 100, y0: 92, x1: 120, y1: 112 },
    });
    expect(result.confidence).toBe(Math.round(((4 * 96 + 2 * 50 + 4 * 90 + 6 * 80) / 16) * 10) / 10);
  });

  it('answers nothing for a page without words', () => {
    expect(parseTesseractTsv(HEADER + '\n')).toEqual({ text: '', confidence: 0, lines: [] });
  });
});

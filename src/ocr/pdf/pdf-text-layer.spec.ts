import { describe, expect, it } from '@jest/globals';
import { judgeTextLayer, normaliseChars, type PlacedText, textLayerLines } from './pdf-text-layer.js';

// 10 px font: a character about 5 px wide, a word space about 2.5 px.
const item = (text: string, x: number, baseline: number, width = text.length * 5, size = 10): PlacedText => ({
  text,
  x,
  baseline,
  width,
  size,
});

describe('textLayerLines', () => {
  it('orders lines top to bottom and items left to right, whatever order the PDF drew them in', () => {
    const lines = textLayerLines([item('Total', 0, 100), item('Invoice', 0, 20), item('42.00', 100, 100)]);
    expect(lines.map((l) => l.text)).toEqual(['Invoice', 'Total 42.00']);
  });

  it('puts a space where the gap is a word space, none inside a word split into items (pdf.js #9998)', () => {
    const lines = textLayerLines([item('Inv', 0, 20), item('oice', 15, 20), item('INV/2023', 38, 20)]);
    expect(lines[0].text).toBe('Invoice INV/2023');
    expect(lines[0].words.map((w) => w.text)).toEqual(['Invoice', 'INV/2023']);
  });

  it('drops spurious space items and doubled spaces (pdf.js #14497)', () => {
    const lines = textLayerLines([
      item('Due', 0, 20),
      item(' ', 15, 20, 3),
      item(' ', 18, 20, 3),
      item('Date:', 22, 20),
    ]);
    expect(lines[0].text).toBe('Due Date:');
  });

  it('keeps a superscript on its line and a line 1.2 em below apart', () => {
    const lines = textLayerLines([item('m', 0, 20), item('2', 6, 17, 3, 6), item('next', 0, 32)]);
    expect(lines.map((l) => l.text)).toEqual(['m2', 'next']);
  });

  it('folds ligatures and full-width forms, strips control characters, boxes each word', () => {
    const lines = textLayerLines([item('\ufb01nal \ufb02ow\u0000', 0, 20, 50), item('\uff21\uff22', 60, 20, 10)]);
    expect(lines[0].text).toBe('final flow AB');
    expect(lines[0].words[0]).toEqual({ text: 'final', confidence: 100, box: { x0: 0, y0: 10, x1: 25, y1: 22 } });
    expect(lines[0]).toMatchObject({ confidence: 100, box: { x0: 0, x1: 70 } });
  });

  it('answers nothing for a page of whitespace', () => {
    expect(textLayerLines([item('   ', 0, 20)])).toEqual([]);
  });
});

describe('judgeTextLayer', () => {
  it('uses a real text layer', () => {
    expect(judgeTextLayer('Invoice INV/2023/03/0008 Total $ 279.84 Due Date 04/04/2023')).toEqual({
      usable: true,
      reason: 'text layer',
    });
  });

  it.each([
    ['no text (a scan)', '', 'text layer has 0 letters or digits'],
    ['a stamp on a scan', 'Page 1 of 2', 'text layer has 8 letters or digits'],
    [
      'mostly replacement characters',
      'Invoice total amount due ' + '\ufffd'.repeat(40),
      'text layer is mostly unreadable',
    ],
    [
      'glyph codes read as letters',
      'Xkp Trzw Bnml Qwrt Zxcv Pqst Nmbr Tkls',
      'text layer looks like glyph codes, not words',
    ],
  ])('refuses %s', (_what, text, reason) => {
    expect(judgeTextLayer(text)).toEqual({ usable: false, reason });
  });

  it('normalises characters the way the lines do', () => {
    expect(normaliseChars('e\ufb00ect\u00a0x')).toBe('effect x');
  });
});

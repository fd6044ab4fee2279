import { describe, expect, it } from '@jest/globals';
import { isSafeFileName } from './safe-file-name.js';

describe('isSafeFileName', () => {
  it('accepts plain names, accents included', () => {
    for (const name of ['invoice-2026-0042.pdf', 'Factura nº 7 (copia).PNG', 'scan_001.tiff']) {
      expect(isSafeFileName(name)).toBe(true);
    }
  });

  it('refuses traversal, paths, hidden files and device names', () => {
    for (const name of [
      '../etc/passwd',
      '..',
      'a/b.pdf',
      'a\\b.pdf',
      '..\\..\\boot.ini',
      '.env',
      '-rf',
      'report.pdf\0.png',
      'C:evil.pdf',
      'con.txt',
      'NUL',
      'name. ',
      '',
      'x'.repeat(256),
    ]) {
      expect(isSafeFileName(name)).toBe(false);
    }
  });
});

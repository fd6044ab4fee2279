import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { detectMediaType } from './content-type.js';

const fixture = (name: string) => readFileSync(`test/fixtures/ocr/${name}`);

describe('detectMediaType', () => {
  it('knows real files by their bytes', () => {
    expect(detectMediaType(fixture('tesseract-test/phototest.tif'))).toBe('image/tiff');
    expect(detectMediaType(fixture('invoices/AzureInterior.pdf'))).toBe('application/pdf');
  });

  it.each([
    ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]],
    ['image/jpeg', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10]],
    ['image/tiff', [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]],
    ['image/webp', [...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]],
  ])('reads the %s signature', (type, bytes) => {
    expect(detectMediaType(Buffer.from(bytes))).toBe(type);
  });

  it('finds a PDF header after leading junk, as readers do', () => {
    expect(detectMediaType(Buffer.concat([Buffer.alloc(100, 0x20), Buffer.from('%PDF-1.7\n')]))).toBe(
      'application/pdf',
    );
  });

  it.each([
    ['an executable renamed .png', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])],
    ['text', Buffer.from('hello, this is not an image')],
    ['a RIFF that is not WebP (WAV)', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
    ['an empty file', Buffer.alloc(0)],
    ['a signature cut short', Buffer.from([0x89, 0x50, 0x4e])],
    ['a GIF', Buffer.from('GIF89a')],
  ])('refuses %s', (_what, bytes) => {
    expect(detectMediaType(bytes)).toBeUndefined();
  });
});

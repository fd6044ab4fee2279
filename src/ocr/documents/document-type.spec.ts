import { describe, expect, it } from '@jest/globals';
import { detectMediaType, requireMediaType } from './document-type.js';

const bytes = (...parts: Array<number[] | string>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('detectMediaType', () => {
  it.each([
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR')],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['image/tiff', bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])],
    ['image/tiff', bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])],
    ['image/webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['application/pdf', bytes('%PDF-1.7\n')],
    ['application/pdf', bytes('\xef\xbb\xbf junk before the header %PDF-1.4\n')],
  ])('recognises %s by its first bytes', (type, content) => {
    expect(detectMediaType(content)).toBe(type);
  });

  it.each([
    ['text named like an image', bytes('hello, this is not a picture')],
    ['an empty file', Buffer.alloc(0)],
    ['half a PNG signature', bytes([0x89, 0x50, 0x4e])],
    ['a RIFF that is a WAV', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['a PDF header past the first kilobyte', Buffer.concat([Buffer.alloc(1024, 32), bytes('%PDF-1.7')])],
  ])('refuses %s', (_, content) => {
    expect(detectMediaType(content)).toBeNull();
    expect(() => requireMediaType(content)).toThrow(expect.objectContaining({ code: 'OCR_UNSUPPORTED_TYPE' }));
  });
});

import { describe, expect, it } from '@jest/globals';
import { DomainException } from '../../core/errors/domain.exception.js';
import { normaliseOptions, type OcrOptionsInput, optionsKey } from './ocr-options.js';

const errorsOf = (input: OcrOptionsInput): string[] => {
  try {
    normaliseOptions(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    return (error as DomainException).extensions.errors as string[];
  }
};

describe('OCR options', () => {
  it('defaults to eng+spa on the auto engine, text only', () => {
    expect(normaliseOptions({})).toEqual({ languages: 'eng+spa', engine: 'auto' });
    expect(normaliseOptions({ languages: 'spa', engine: 'wasm', extract: 'invoice' })).toEqual({
      languages: 'spa',
      engine: 'wasm',
      extract: 'invoice',
    });
  });

  it('names every bad option at once', () => {
    expect(errorsOf({ languages: 'ENG', engine: 'gpu', extract: 'receipt' })).toEqual([
      'languages must be Tesseract codes joined by +, such as eng+spa',
      'engine must be one of auto, native, wasm',
      'extract must be invoice',
    ]);
  });

  it('refuses languages that are not installed, and repeats', () => {
    expect(errorsOf({ languages: 'eng+deu+fra' })).toEqual(['languages: deu, fra not installed; installed: eng, spa']);
    expect(errorsOf({ languages: 'eng+eng' })).toEqual(['languages must not repeat a language']);
    expect(errorsOf({ languages: 'eng+' })).toHaveLength(1);
  });

  it('keys results by every option, the same however the options were spelt', () => {
    const key = optionsKey(normaliseOptions({}));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(optionsKey({ engine: 'auto', languages: 'eng+spa' })).toBe(key);
    expect(optionsKey(normaliseOptions({ engine: 'wasm' }))).not.toBe(key);
    expect(optionsKey(normaliseOptions({ extract: 'invoice' }))).not.toBe(key);
    expect(optionsKey(normaliseOptions({ languages: 'spa+eng' }))).not.toBe(key);
  });
});

import { createHash } from 'node:crypto';
import { DomainException } from '../../core/errors/domain.exception.js';
import { CoreErrorCode } from '../../core/errors/error-catalogue.js';
import type { EngineChoice, OcrOptions } from '../ocr.types.js';

/** The Tesseract languages whose data ships with botfleet (@tesseract.js-data, tesseract-ocr-eng/spa). */
export const INSTALLED_LANGUAGES = ['eng', 'spa'] as const;
export const DEFAULT_LANGUAGES = 'eng+spa';
export const ENGINE_CHOICES: readonly EngineChoice[] = ['auto', 'native', 'wasm'];
export const EXTRACT_KINDS = ['invoice'] as const;

const LANGUAGES = /^[a-z]{3}(\+[a-z]{3})*$/;

/** Options as a caller gives them: strings from a form, or values from code. */
export interface OcrOptionsInput {
  languages?: string;
  engine?: string;
  extract?: string;
}

/** Options with their defaults, validated; every bad one named at once (400 VALIDATION_FAILED). */
export function normaliseOptions(input: OcrOptionsInput): OcrOptions {
  const errors: string[] = [];
  const languages = input.languages ?? DEFAULT_LANGUAGES;
  if (!LANGUAGES.test(languages)) {
    errors.push('languages must be Tesseract codes joined by +, such as eng+spa');
  } else {
    const codes = languages.split('+');
    const missing = codes.filter((code) => !(INSTALLED_LANGUAGES as readonly string[]).includes(code));
    if (missing.length > 0) {
      errors.push(`languages: ${missing.join(', ')} not installed; installed: ${INSTALLED_LANGUAGES.join(', ')}`);
    }
    if (new Set(codes).size !== codes.length) errors.push('languages must not repeat a language');
  }
  const engine = (input.engine ?? 'auto') as EngineChoice;
  if (!ENGINE_CHOICES.includes(engine)) errors.push(`engine must be one of ${ENGINE_CHOICES.join(', ')}`);
  const extract = input.extract;
  if (extract !== undefined && !(EXTRACT_KINDS as readonly string[]).includes(extract)) {
    errors.push(`extract must be ${EXTRACT_KINDS.join(' or ')}`);
  }
  if (errors.length > 0) {
    throw new DomainException(CoreErrorCode.ValidationFailed, 'The OCR options are not valid.', { errors });
  }
  return { languages, engine, ...(extract && { extract: 'invoice' as const }) };
}

/**
 * The dedupe key of a result: the same bytes with the same options give the same result. The
 * members are listed in a fixed order, so the key does not depend on how the options were built.
 */
export function optionsKey(options: OcrOptions): string {
  const canonical = JSON.stringify([options.languages, options.engine, options.extract ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

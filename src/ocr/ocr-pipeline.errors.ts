import { DomainException } from '../core/errors/domain.exception.js';
import { declareErrorCodes } from '../core/errors/error-catalogue.js';

/** What is wrong with a document itself: the caller can fix it (another file, a rescan, a password). */
export enum OcrPipelineErrorCode {
  TooLarge = 'OCR_TOO_LARGE',
  UnsupportedType = 'OCR_UNSUPPORTED_TYPE',
  TooManyPages = 'OCR_TOO_MANY_PAGES',
  TooManyPixels = 'OCR_TOO_MANY_PIXELS',
  Corrupt = 'OCR_CORRUPT',
  Encrypted = 'OCR_ENCRYPTED',
  LanguageUnavailable = 'OCR_LANGUAGE_UNAVAILABLE',
  EngineUnavailable = 'OCR_ENGINE_UNAVAILABLE',
  EnginesFailed = 'OCR_ENGINES_FAILED',
  Cancelled = 'OCR_CANCELLED',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    ocrPipeline: OcrPipelineErrorCode;
  }
}

declareErrorCodes(OcrPipelineErrorCode, {
  [OcrPipelineErrorCode.TooLarge]: 413,
  [OcrPipelineErrorCode.UnsupportedType]: 422,
  [OcrPipelineErrorCode.TooManyPages]: 422,
  [OcrPipelineErrorCode.TooManyPixels]: 422,
  [OcrPipelineErrorCode.Corrupt]: 422,
  [OcrPipelineErrorCode.Encrypted]: 422,
  [OcrPipelineErrorCode.LanguageUnavailable]: 422,
  // The engine asked for is not installed here: the request is fine, this instance cannot serve it.
  [OcrPipelineErrorCode.EngineUnavailable]: 422,
  // Every engine failed or timed out on a page: a fault of ours (or of the file), worth a retry.
  [OcrPipelineErrorCode.EnginesFailed]: 503,
  [OcrPipelineErrorCode.Cancelled]: 503,
});

/** A bad document (the contract's OcrInputError): answered 4xx, never retried. */
export class OcrInputError extends DomainException {}

export const ocrTooLarge = (bytes: number, max: number) =>
  new OcrInputError(OcrPipelineErrorCode.TooLarge, `The document has ${bytes} bytes; at most ${max} are accepted.`, {
    max_bytes: max,
  });

export const ocrUnsupportedType = () =>
  new OcrInputError(
    OcrPipelineErrorCode.UnsupportedType,
    'The content is not a PNG, JPEG, TIFF, WebP or PDF (judged by its bytes, not its name or declared type).',
  );

export const ocrTooManyPages = (pages: number, max: number) =>
  new OcrInputError(
    OcrPipelineErrorCode.TooManyPages,
    `The document has ${pages} pages; at most ${max} are accepted.`,
    {
      max_pages: max,
    },
  );

export const ocrTooManyPixels = (max: number) =>
  new OcrInputError(
    OcrPipelineErrorCode.TooManyPixels,
    `A page declares more than ${max} pixels: refused before decoding (scan at 300 dpi or split the page).`,
    { max_pixels: max },
  );

/** `reason` is ours (never a library's message, which may carry paths or internals). */
export const ocrCorrupt = (reason: string) =>
  new OcrInputError(OcrPipelineErrorCode.Corrupt, `The document cannot be read: ${reason}.`);

export const ocrEncrypted = () =>
  new OcrInputError(
    OcrPipelineErrorCode.Encrypted,
    'The PDF is password-protected: send it without the password (print to PDF or remove the protection).',
  );

export const ocrLanguageUnavailable = (language: string, engine: string) =>
  new OcrInputError(
    OcrPipelineErrorCode.LanguageUnavailable,
    `Language ${language} is not installed for the ${engine} engine.`,
    { language },
  );

export const ocrEngineUnavailable = (engine: string) =>
  new OcrInputError(OcrPipelineErrorCode.EngineUnavailable, `The ${engine} engine is not installed on this instance.`);

export const ocrEnginesFailed = (page: number, reasons: string[]) =>
  new DomainException(
    OcrPipelineErrorCode.EnginesFailed,
    `No engine could recognise page ${page} (${reasons.join('; ')}).`,
    { page },
  );

export const ocrCancelled = () => new DomainException(OcrPipelineErrorCode.Cancelled, 'The recognition was cancelled.');

import { DomainException } from '../core/errors/domain.exception.js';
import { declareErrorCodes } from '../core/errors/error-catalogue.js';

/** What the OCR API refuses an upload or a lookup with; field problems are the core VALIDATION_FAILED. */
export enum OcrApiErrorCode {
  NotMultipart = 'OCR_NOT_MULTIPART',
  MalformedUpload = 'OCR_MALFORMED_UPLOAD',
  FileMissing = 'OCR_FILE_MISSING',
  TooManyFiles = 'OCR_TOO_MANY_FILES',
  FileTooLarge = 'OCR_FILE_TOO_LARGE',
  /** The bytes are none of PNG, JPEG, TIFF, WebP or PDF, whatever the name or declared type says. */
  UnsupportedType = 'OCR_UNSUPPORTED_TYPE',
  /** The bytes start like a supported type but cannot be read (the dev pipeline's deep check). */
  UnreadableDocument = 'OCR_UNREADABLE_DOCUMENT',
  ExtractorUnavailable = 'OCR_EXTRACTOR_UNAVAILABLE',
  /** The robot found no bytes under the document's hash (the store was emptied or not shared). */
  DocumentMissing = 'OCR_DOCUMENT_MISSING',
  DocumentNotFound = 'OCR_DOCUMENT_NOT_FOUND',
}

declare module '../core/errors/error-catalogue.js' {
  interface ErrorCodes {
    ocrApi: OcrApiErrorCode;
  }
}

declareErrorCodes(OcrApiErrorCode, {
  [OcrApiErrorCode.NotMultipart]: 415,
  [OcrApiErrorCode.MalformedUpload]: 400,
  [OcrApiErrorCode.FileMissing]: 400,
  [OcrApiErrorCode.TooManyFiles]: 400,
  [OcrApiErrorCode.FileTooLarge]: 413,
  [OcrApiErrorCode.UnsupportedType]: 422,
  [OcrApiErrorCode.UnreadableDocument]: 422,
  [OcrApiErrorCode.ExtractorUnavailable]: 422,
  [OcrApiErrorCode.DocumentMissing]: 422,
  [OcrApiErrorCode.DocumentNotFound]: 404,
});

export const documentNotFound = (documentId: string) =>
  new DomainException(OcrApiErrorCode.DocumentNotFound, `No OCR document ${documentId}.`);

import { DomainException } from '../../core/errors/domain.exception.js';
import { OcrApiErrorCode } from '../ocr-api.errors.js';

/** The media types OCR reads, as their bytes begin. */
export const OCR_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/tiff', 'image/webp', 'application/pdf'] as const;
export type OcrMediaType = (typeof OCR_MEDIA_TYPES)[number];

const startsWith = (bytes: Buffer, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

/**
 * The type the bytes are, by their magic numbers only: a file name or a declared Content-Type is
 * what a client says, not what the file is. A cheap first gate before anything is stored or a
 * robot created; the pipeline checks the whole file (truncation, encryption, pixel bombs).
 */
export function detectMediaType(bytes: Buffer): OcrMediaType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  // PDF readers accept the header anywhere in the first kilobyte (ISO 32000-1, annex H.3).
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'application/pdf';
  return null;
}

/** The media type, or a 422 naming what is accepted. */
export function requireMediaType(bytes: Buffer): OcrMediaType {
  const type = detectMediaType(bytes);
  if (type === null) {
    throw new DomainException(
      OcrApiErrorCode.UnsupportedType,
      'The file is not a PNG, JPEG, TIFF, WebP or PDF document (judged by its content, not its name).',
    );
  }
  return type;
}
